package io.maildrill.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * One IMAP session's view of its selected mailbox, kept up to date from the responses the
 * server sends it (EXISTS, EXPUNGE, VANISHED, FETCH with UID/FLAGS). It is the oracle that
 * lets scripts name messages by their original number ({@code #3}) whatever legal order the
 * server reports expunges in, and that checks sessions converge: after a sequence, what each
 * session believes must equal what a fresh session sees.
 *
 * <p>Not thread-safe: one session, one runner thread.
 */
public final class MailboxView {

    private final List<MessageView> messages = new ArrayList<>();

    /** Starts from a SELECT that reported {@code exists} messages, numbered 1..exists. */
    public static MailboxView selected(long exists) {
        MailboxView view = new MailboxView();
        for (long n = 1; n <= exists; n++) {
            view.messages.add(new MessageView(n, 0, Set.of()));
        }
        return view;
    }

    public int size() {
        return messages.size();
    }

    /** {@code * n EXISTS}: the mailbox grew to n (new messages have no original number). */
    public void onExists(long n) {
        if (n < messages.size()) {
            throw new ModelViolation("EXISTS " + n + " is less than the " + messages.size()
                    + " messages this session was told about, with no EXPUNGE in between");
        }
        while (messages.size() < n) {
            messages.add(new MessageView(0, 0, Set.of()));
        }
    }

    /** {@code * n EXPUNGE}: message n is gone and every later one moves down by one. */
    public void onExpunge(long seq) {
        if (seq < 1 || seq > messages.size()) {
            throw new ModelViolation("EXPUNGE " + seq + " names no message (this session knows "
                    + messages.size() + ")");
        }
        messages.remove((int) (seq - 1));
    }

    /**
     * {@code * VANISHED uids} (QRESYNC, without EARLIER): messages with these UIDs are gone, and
     * each UID lowers the count by one. RFC 7162 §3.2.10.2: such a VANISHED "MUST refer only to
     * messages that are visible to the client", i.e. announced by EXISTS and not expunged. A UID
     * this session has not yet learnt (a new arrival never fetched) still names one of the
     * messages whose UID is unknown: the one whose position fits between the known UIDs around
     * it (UIDs ascend with sequence numbers), so the count stays right. A UID that fits no
     * visible message breaks that MUST.
     */
    public void onVanished(Collection<Long> uids) {
        for (long uid : uids.stream().sorted().distinct().toList()) {
            int known = indexOfUid(uid);
            int index = known >= 0 ? known : unknownUidSlotFor(uid);
            if (index < 0) {
                throw new ModelViolation("VANISHED names UID " + uid + ", which is no message this session was"
                        + " told of (RFC 7162 §3.2.10.2: only messages visible in the session)");
            }
            messages.remove(index);
        }
    }

    private int indexOfUid(long uid) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).uid() == uid) {
                return i;
            }
        }
        return -1;
    }

    /** The first message of unknown UID that {@code uid} can belong to, or -1. */
    private int unknownUidSlotFor(long uid) {
        long below = 0;
        for (int i = 0; i < messages.size(); i++) {
            long current = messages.get(i).uid();
            if (current != 0) {
                if (current > uid) {
                    return -1;
                }
                below = current;
            } else if (below < uid) {
                return i;
            }
        }
        return -1;
    }

    /** {@code * seq FETCH (...)} carrying a UID and/or FLAGS. */
    public void onFetch(long seq, Long uid, Set<String> flags) {
        if (seq < 1 || seq > messages.size()) {
            throw new ModelViolation("FETCH for message " + seq + ", but this session knows only "
                    + messages.size() + " messages");
        }
        int i = (int) (seq - 1);
        MessageView m = messages.get(i);
        if (uid != null) {
            if (m.uid() != 0 && m.uid() != uid) {
                throw new ModelViolation("message " + seq + " was UID " + m.uid() + " and is now reported as UID " + uid);
            }
            m = m.withUid(uid);
        }
        if (flags != null) {
            m = m.withFlags(flags);
        }
        messages.set(i, m);
    }

    /**
     * The current sequence number of the message that was number {@code original} when the
     * session selected the mailbox.
     *
     * @throws ModelViolation when that message has been expunged from this session's view
     */
    public long currentNumber(long original) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).originalNumber() == original) {
                return i + 1;
            }
        }
        throw new ModelViolation("message #" + original + " is no longer in this session's view (expunged)");
    }

    public boolean contains(long original) {
        return messages.stream().anyMatch(m -> m.originalNumber() == original);
    }

    public List<MessageView> messages() {
        return List.copyOf(messages);
    }

    /** The UID of message {@code seq} (1-based) as far as this session knows it: 0 while unknown. */
    public long uid(long seq) {
        return messages.get((int) (seq - 1)).uid();
    }

    /** The UIDs in sequence order (0 for unknown). */
    public List<Long> uids() {
        return messages.stream().map(MessageView::uid).toList();
    }
}
