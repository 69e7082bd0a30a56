package io.maildrill.run.session;

import io.maildrill.imap.SequenceSet;
import io.maildrill.model.MailboxView;
import io.maildrill.model.MessageView;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code [UID] STORE set (+|-)FLAGS.SILENT (flags)} the session sent. A client that sends one
 * knows the flags it set, though the server (rightly) sends no FETCH back; once the server answers
 * OK, the change is applied to the session's own view, so that {@code converge} compares what a
 * real client would believe, and a difference means the server changed or lost flags, not that
 * the harness forgot its own change. Read once, when the command is sent, from the octets it
 * resolved to (fixture references already numbers), never from the redacted text reports show.
 *
 * @param byUid  UID STORE rather than STORE
 * @param set    the sequence or UID set as sent ({@code *} stands for the highest when applied)
 * @param mode   '+' adds, '-' removes, '=' replaces
 * @param flags  the flags, upper-cased as the view keeps them
 */
record SilentStore(boolean byUid, String set, char mode, Set<String> flags) {

    private static final Pattern STORE = Pattern.compile(
            "(?i)^(UID )?STORE ([0-9:,*]+) ([+-]?)FLAGS\\.SILENT \\(([^)]*)\\)\\s*$");

    SilentStore {
        flags = Set.copyOf(flags);
    }

    /** The silent STORE that {@code command} (without its tag) is, if it is one. */
    static Optional<SilentStore> of(String command) {
        Matcher m = STORE.matcher(command.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        Set<String> flags = new HashSet<>();
        for (String f : m.group(4).trim().split("\\s+")) {
            if (!f.isEmpty()) {
                flags.add(f.toUpperCase(Locale.ROOT));
            }
        }
        char mode = m.group(3).isEmpty() ? '=' : m.group(3).charAt(0);
        return Optional.of(new SilentStore(m.group(1) != null, m.group(2), mode, flags));
    }

    /** Applies the change to the messages of {@code view} the set names. */
    void applyTo(MailboxView view) {
        if (view.size() == 0) {
            return;
        }
        List<MessageView> messages = view.messages();
        long highest = byUid ? messages.stream().mapToLong(MessageView::uid).max().orElse(0) : messages.size();
        List<Long> targets;
        try {
            targets = SequenceSet.expand(set.replace("*", Long.toString(Math.max(1, highest))));
        } catch (IllegalArgumentException notASet) {
            return; // the script sent a set the server will refuse: there is no change to apply
        }
        for (int i = 0; i < messages.size(); i++) {
            MessageView message = messages.get(i);
            long key = byUid ? message.uid() : i + 1;
            if (key == 0 || !targets.contains(key)) {
                continue;
            }
            Set<String> updated = new HashSet<>(message.flags());
            switch (mode) {
                case '+' -> updated.addAll(flags);
                case '-' -> updated.removeAll(flags);
                default -> {
                    updated.clear();
                    updated.addAll(flags);
                }
            }
            view.onFetch(i + 1, null, updated);
        }
    }
}
