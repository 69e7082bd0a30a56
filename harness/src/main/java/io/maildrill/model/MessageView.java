package io.maildrill.model;

import java.util.Set;
import java.util.TreeSet;

/**
 * What one session believes about one message.
 *
 * @param originalNumber the sequence number the message had when the session first saw the
 *                       mailbox (scripts name messages by it: {@code #3}); 0 for messages that
 *                       arrived later
 * @param uid            the UID, 0 while unknown
 * @param flags          the flags last reported, upper-cased for set comparison; empty while unknown
 */
public record MessageView(long originalNumber, long uid, Set<String> flags) {

    public MessageView {
        flags = Set.copyOf(new TreeSet<>(flags.stream().map(f -> f.toUpperCase(java.util.Locale.ROOT)).toList()));
    }

    MessageView withUid(long newUid) {
        return new MessageView(originalNumber, newUid, flags);
    }

    MessageView withFlags(Set<String> newFlags) {
        return new MessageView(originalNumber, uid, newFlags);
    }
}
