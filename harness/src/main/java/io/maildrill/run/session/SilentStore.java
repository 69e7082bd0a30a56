package io.maildrill.run.session;

import io.maildrill.model.MailboxView;
import io.maildrill.model.MessageView;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client that sends {@code STORE ... FLAGS.SILENT} knows the flags it set, though the server
 * (rightly) sends no FETCH back. This applies such a completed command to the session's own
 * view, so that {@code converge} compares what a real client would believe, and a difference
 * means the server changed or lost flags, not that the harness forgot its own change.
 */
final class SilentStore {

    // [UID ]STORE set (+|-)FLAGS.SILENT (flags); the tag has been removed.
    private static final Pattern STORE = Pattern.compile(
            "(?i)^(UID )?STORE ([0-9:,*]+) ([+-]?)FLAGS\\.SILENT \\(([^)]*)\\)\\s*$");

    private SilentStore() {
    }

    /** Applies {@code command} (tagless) to {@code view} when it is a silent STORE; otherwise does nothing. */
    static void apply(String command, MailboxView view) {
        Matcher m = STORE.matcher(command.trim());
        if (!m.matches() || view.size() == 0) {
            return;
        }
        boolean byUid = m.group(1) != null;
        Set<String> flags = new HashSet<>();
        for (String f : m.group(4).trim().split("\\s+")) {
            if (!f.isEmpty()) {
                flags.add(f.toUpperCase(Locale.ROOT));
            }
        }
        List<MessageView> messages = view.messages();
        long highest = byUid ? messages.stream().mapToLong(MessageView::uid).max().orElse(0) : messages.size();
        List<Long> targets = expand(m.group(2), highest);
        for (int i = 0; i < messages.size(); i++) {
            MessageView message = messages.get(i);
            long key = byUid ? message.uid() : i + 1;
            if (key == 0 || !targets.contains(key)) {
                continue;
            }
            Set<String> updated = new HashSet<>(message.flags());
            switch (m.group(3)) {
                case "+" -> updated.addAll(flags);
                case "-" -> updated.removeAll(flags);
                default -> {
                    updated.clear();
                    updated.addAll(flags);
                }
            }
            view.onFetch(i + 1, null, updated);
        }
    }

    /** A sequence or UID set with {@code *} standing for {@code highest}. */
    private static List<Long> expand(String set, long highest) {
        return UidSets.parse(set.replace("*", Long.toString(Math.max(1, highest))));
    }
}
