package io.maildrill.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the POP3 sessions of one account in this run have done to its maildrop, for the rules that
 * span sessions (RFC 1939 §6): what a QUIT answered {@code +OK} removed, and what a session that
 * ended without QUIT had marked. Only what is certain is kept:
 *
 * <ul>
 *   <li>A removed message is known by its {@value ImapStepCommands#APPEND_HEADER} value, which no two
 *       appends share ({@link ImapStepCommands}). A unique-id cannot serve: RFC 1939 §7 lets identical
 *       copies share one and only says a server "should" never reuse one.</li>
 *   <li>A dropped session's marks are expected in a later session only while no other session of
 *       the account sent DELE for them (POP3 sessions of one account may overlap where the server
 *       does not lock the maildrop), and only when no persona of the profile expunges over IMAP
 *       ({@code othersRemove}).</li>
 * </ul>
 *
 * Each map keeps its newest {@value #KEPT} entries, so a long run's memory stays bounded; an entry
 * that fell out is not judged. Thread-safe: the sessions of an account live on different event loops.
 */
final class Pop3Maildrop {

    static final int KEPT = 10_000;
    /** A unique-id DELE'd by more than one connection. */
    private static final long SEVERAL = -1;

    private final boolean othersRemove;
    private long connections;
    /** Append id of a message a QUIT removed → {@link System#nanoTime()} of that QUIT's {@code +OK}. */
    private final Map<String, Long> removedIds = bounded();
    /** Unique-id a QUIT removed → when: a later listing of it is worth a RETR to see what it is. */
    private final Map<String, Long> removedUids = bounded();
    /** Unique-id → the one connection that sent DELE for it, or {@link #SEVERAL}. */
    private final Map<String, Long> deleSentBy = bounded();
    /** Unique-id marked by a session that then ended without QUIT → that session and when. */
    private final Map<String, Drop> dropped = bounded();

    private record Drop(long connection, long atNanos) {
    }

    /** @param othersRemove whether sessions of other protocols may remove messages (an IMAP persona expunges) */
    Pop3Maildrop(boolean othersRemove) {
        this.othersRemove = othersRemove;
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > KEPT;
            }
        };
    }

    /** A number for a new connection, telling its DELEs from the others'. */
    synchronized long newConnection() {
        return ++connections;
    }

    /** {@code connection} sent {@code DELE} for the message of {@code uid} (whatever the answer). */
    synchronized void deleSent(String uid, long connection) {
        Long before = deleSentBy.get(uid);
        deleSentBy.put(uid, before == null || before == connection ? connection : SEVERAL);
    }

    /**
     * A QUIT was answered {@code +OK} at {@code atNanos}: the messages it had marked are gone for
     * every session that logs in after. {@code appendIds} are those of them whose append id is known.
     */
    synchronized void quitRemoved(Set<String> uids, Set<String> appendIds, long atNanos) {
        uids.forEach(uid -> removedUids.put(uid, atNanos));
        appendIds.forEach(id -> removedIds.put(id, atNanos));
    }

    /** Whether a QUIT answered before {@code loginNanos} removed a message that had this unique-id. */
    synchronized boolean uidRemovedBefore(String uid, long loginNanos) {
        Long at = removedUids.get(uid);
        return at != null && at - loginNanos < 0;
    }

    /** Whether a QUIT answered before {@code loginNanos} removed the message of this append id. */
    synchronized boolean appendRemovedBefore(String appendId, long loginNanos) {
        Long at = removedIds.get(appendId);
        return at != null && at - loginNanos < 0;
    }

    /** {@code connection} ended without QUIT at {@code atNanos}, with these unique-ids marked. */
    synchronized void dropped(Set<String> marked, long connection, long atNanos) {
        if (!othersRemove) {
            marked.forEach(uid -> dropped.put(uid, new Drop(connection, atNanos)));
        }
    }

    /**
     * A session that logged in at {@code loginNanos} was given this complete unique-id listing: the
     * marks of sessions dropped before then that it lacks, though no other connection sent DELE for
     * them. Each mark is judged by the first such listing and then forgotten.
     */
    synchronized List<String> droppedMarksMissing(Set<String> listed, long loginNanos) {
        List<String> missing = new ArrayList<>();
        var entries = dropped.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, Drop> e = entries.next();
            Drop drop = e.getValue();
            if (drop.atNanos() - loginNanos >= 0) {
                continue; // this session began before the drop: the next one judges it
            }
            entries.remove();
            Long deleBy = deleSentBy.get(e.getKey());
            // only the dropped connection sent DELE for it (an entry fallen out of deleSentBy is not judged)
            if (!listed.contains(e.getKey()) && deleBy != null && deleBy == drop.connection()) {
                missing.add(e.getKey());
            }
        }
        return missing;
    }
}
