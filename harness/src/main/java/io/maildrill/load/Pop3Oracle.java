package io.maildrill.load;

import io.maildrill.corpus.CorpusMessage;
import io.maildrill.corpus.IntegrityCheck;
import io.maildrill.pop3.MessageSize;
import io.maildrill.pop3.MessageUid;
import io.maildrill.pop3.Pop3Listings;
import io.maildrill.pop3.Pop3Response;
import io.maildrill.pop3.StatResult;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The oracle of one POP3 load session: what this connection was told (STAT, LIST sizes, unique-ids)
 * and marked, checked by every {@code +OK} answer, and the account's {@link Pop3Maildrop} for what
 * must hold across sessions. The rules are RFC 1939's ({@link OracleRule}, {@code POP3_}):
 * STAT agrees with LIST, a RETR is as long as LIST said, a marked message is listed no more, a
 * QUIT removes what it marked for every later session, a dropped session removes nothing. Each
 * method takes an {@code +OK} reply; a listing that does not parse is a
 * {@link io.maildrill.pop3.Pop3ParseException} for the caller to count. One per virtual user, used
 * on its session's event loop only; {@link #loggedIn} starts each connection afresh.
 */
final class Pop3Oracle {

    private static final int SHOWN_RESPONSE_LIMIT = 300;

    private final String session;
    private final Pop3Maildrop maildrop;
    private final Violations violations;
    private final Clock clock;
    private long connection;
    private long loginNanos;
    /** DELEs answered {@code +OK} this session: STAT and LIST are compared only before the first. */
    private int marks;
    private StatResult stat;
    private int marksAtStat;
    private Map<Integer, Long> sizes;
    private int marksAtList;
    /** Message number → unique-id, from this session's UIDL. */
    private final Map<Integer, String> uids = new HashMap<>();
    private final Set<Integer> marked = new HashSet<>();
    /** Message number → append id, of what this session retrieved. */
    private final Map<Integer, String> appendIds = new HashMap<>();

    Pop3Oracle(String session, Pop3Maildrop maildrop, Violations violations, Clock clock) {
        this.session = session;
        this.maildrop = maildrop;
        this.violations = violations;
        this.clock = clock;
    }

    /** A new connection is in the TRANSACTION state; {@code loginNanos} is when its USER was sent. */
    void loggedIn(long loginNanos) {
        this.connection = maildrop.newConnection();
        this.loginNanos = loginNanos;
        marks = 0;
        stat = null;
        sizes = null;
        uids.clear();
        marked.clear();
        appendIds.clear();
    }

    void onStat(String command, Pop3Response reply) {
        stat = Pop3Listings.stat(reply);
        marksAtStat = marks;
        compareStatAndList(command, reply.firstLine());
    }

    void onList(String command, Pop3Response reply) {
        List<MessageSize> listed = Pop3Listings.sizes(reply);
        Map<Integer, Long> bySize = new LinkedHashMap<>();
        for (MessageSize size : listed) {
            bySize.put(size.number(), size.octets());
            if (marked.contains(size.number())) {
                violation(OracleRule.POP3_DELETED_NOT_LISTED, command, size.number() + " " + size.octets(),
                        "no line for message " + size.number() + ", which this session marked with DELE");
            }
        }
        sizes = bySize;
        marksAtList = marks;
        compareStatAndList(command, reply.firstLine() + " (" + listed.size() + " lines)");
    }

    /**
     * STAT and LIST of this session before any DELE agree (RFC 1939 §5): LIST names messages 1
     * to STAT's count, and their sizes add up to STAT's octets. A message LIST names beyond that
     * count is not judged: some servers show mail delivered during the session, and RFC 1939 does not
     * forbid it (it numbers the messages when the maildrop is opened, and says no more of new mail);
     * such a message takes a number above every other, so it does not shift the ones judged.
     */
    private void compareStatAndList(String command, String response) {
        if (stat == null || sizes == null || marksAtStat > 0 || marksAtList > 0) {
            return; // after a DELE, STAT counts and LIST lists only what is not marked: judged before, where all is
        }
        long octets = 0;
        int missing = 0;
        for (int number = 1; number <= stat.count(); number++) {
            Long size = sizes.get(number);
            if (size == null) {
                missing++;
            } else {
                octets += size;
            }
        }
        if (missing > 0 || stat.octets() != octets) {
            violation(OracleRule.POP3_STAT_MATCHES_LIST, command, response, "STAT " + stat.count() + " " + stat.octets()
                    + " to agree with LIST: of messages 1 to " + stat.count() + " it lists " + (stat.count() - missing)
                    + ", of " + octets + " octets");
        }
    }

    /**
     * The unique-id listing, judged: no message this session marked, and every mark a dropped
     * session left. Returns the listing, number → unique-id.
     */
    Map<Integer, String> onUidl(String command, Pop3Response reply) {
        Set<String> listed = new HashSet<>();
        uids.clear();
        for (MessageUid uid : Pop3Listings.uids(reply)) {
            uids.put(uid.number(), uid.uid());
            listed.add(uid.uid());
            if (marked.contains(uid.number())) {
                violation(OracleRule.POP3_DELETED_NOT_LISTED, command, uid.number() + " " + uid.uid(),
                        "no line for message " + uid.number() + ", which this session marked with DELE");
            }
        }
        for (String lost : maildrop.droppedMarksMissing(listed, loginNanos)) {
            violation(OracleRule.POP3_DROP_REMOVES_NOTHING, command, reply.firstLine() + " (" + uids.size() + " lines)",
                    "a line for unique-id " + lost + ": a session marked it and ended without QUIT, and no other"
                            + " session sent DELE for it");
        }
        return Map.copyOf(uids);
    }

    /** Whether a QUIT answered before this session logged in removed a message listed with this unique-id. */
    boolean listedAfterRemoval(String uid) {
        return maildrop.uidRemovedBefore(uid, loginNanos);
    }

    /** A RETR's content: as long as LIST said, intact, and not a message a QUIT removed before this session. */
    void onRetr(String command, int number, Pop3Response reply) {
        Long listed = sizes == null ? null : sizes.get(number);
        if (listed != null && listed != reply.contentLength()) {
            violation(OracleRule.POP3_SIZE_MATCHES_RETR, command, reply.describe(),
                    listed + " content octets, the size LIST gave message " + number);
        }
        byte[] content = reply.content();
        if (CorpusMessage.verify(content) instanceof IntegrityCheck.Mismatch mismatch) {
            violation(OracleRule.POP3_BODY_INTACT, command, reply.describe(), "the stored message unchanged: "
                    + mismatch.describe());
        }
        Optional<String> appendId = ImapStepCommands.appendIdOf(content);
        appendId.ifPresent(id -> {
            appendIds.put(number, id);
            if (maildrop.appendRemovedBefore(id, loginNanos)) {
                violation(OracleRule.POP3_QUIT_REMOVES_MARKED, command, reply.describe() + " with "
                        + ImapStepCommands.APPEND_HEADER + ": " + id, "no such message: a QUIT answered +OK before this"
                        + " session logged in removed it");
            }
        });
    }

    /** The append id of a message this session retrieved, if it has one. */
    Optional<String> appendId(int number) {
        return Optional.ofNullable(appendIds.get(number));
    }

    /** About to send {@code DELE number}: from now on the message may go, whatever the answer says. */
    void deleSending(int number) {
        String uid = uids.get(number);
        if (uid != null) {
            maildrop.deleSent(uid, connection);
        }
    }

    /** {@code DELE number} was answered {@code +OK}: the message is marked. */
    void marked(int number) {
        marked.add(number);
        marks++;
    }

    boolean isMarked(int number) {
        return marked.contains(number);
    }

    /**
     * QUIT was answered {@code +OK} ({@code atNanos}): every marked message is gone (RFC 1939 §6; a
     * partial failure would have been {@code -ERR}). {@code appendIdsByUid} adds the append ids of
     * marked messages this user retrieved in earlier sessions.
     */
    void quitOk(Map<String, String> appendIdsByUid, long atNanos) {
        Set<String> gone = new HashSet<>();
        Set<String> goneIds = new HashSet<>();
        for (int number : marked) {
            String uid = uids.get(number);
            if (uid != null) {
                gone.add(uid);
            }
            String id = appendIds.containsKey(number) ? appendIds.get(number) : uid == null ? null : appendIdsByUid.get(uid);
            if (id != null) {
                goneIds.add(id);
            }
        }
        maildrop.quitRemoved(gone, goneIds, atNanos);
    }

    /** The connection was closed without QUIT ({@code atNanos}): nothing it marked may go. */
    void dropped(long atNanos) {
        Set<String> marks = new HashSet<>();
        for (int number : marked) {
            Optional.ofNullable(uids.get(number)).ifPresent(marks::add);
        }
        maildrop.dropped(marks, connection, atNanos);
    }

    private void violation(OracleRule rule, String command, String response, String expected) {
        String shown = response.length() > SHOWN_RESPONSE_LIMIT ? response.substring(0, SHOWN_RESPONSE_LIMIT) + "..." : response;
        violations.add(new Violation(rule, clock.instant(), session, command, shown, expected));
    }
}
