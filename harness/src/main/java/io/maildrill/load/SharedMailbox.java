package io.maildrill.load;

import io.maildrill.imap.ImapValue;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every session on one mailbox has learnt about its messages' static items by UID, under the
 * UIDVALIDITY they were learnt with: RFC822.SIZE, the octets of BODY[], ENVELOPE. The first
 * session to see an item of a UID records it; every later sight, by any session, must agree (RFC
 * 3501 §2.3.1.1: mailbox, UIDVALIDITY and UID name one message for good), and RFC822.SIZE must be
 * the octet count of BODY[] (§2.3.4) whichever of the two came first. Thread-safe: sessions on many
 * event loops share it.
 */
final class SharedMailbox {

    /** A contradiction: which rule, and what was expected (from an earlier sight). */
    record Contradiction(OracleRule rule, String expected) {
    }

    /** -1: not seen yet. */
    private record Facts(long size, long bodyOctets, ImapValue envelope) {
        static final Facts NONE = new Facts(-1, -1, null);
    }

    private final String name;
    private final ConcurrentHashMap<Long, Facts> byUid = new ConcurrentHashMap<>();
    private long uidValidity;

    SharedMailbox(String name) {
        this.name = name;
    }

    /**
     * A session selected the mailbox and was told this UIDVALIDITY (0 when the server named none).
     * A new value means the UIDs were renumbered (legal, RFC 3501 §2.3.1.1): what was learnt goes.
     */
    synchronized void selected(long validity) {
        if (validity != uidValidity) {
            byUid.clear();
            uidValidity = validity;
        }
    }

    /** The RFC822.SIZE of a UID, seen under {@code validity}. */
    Optional<Contradiction> size(long validity, long uid, long size) {
        if (!current(validity)) {
            return Optional.empty();
        }
        Facts before = merge(uid, f -> f.size() < 0 ? new Facts(size, f.bodyOctets(), f.envelope()) : f);
        if (before.size() >= 0 && before.size() != size) {
            return Optional.of(new Contradiction(OracleRule.STATIC_ITEMS_UNCHANGED,
                    "RFC822.SIZE " + before.size() + " for UID " + uid + " in " + name + ", as seen before"));
        }
        if (before.bodyOctets() >= 0 && before.bodyOctets() != size) {
            return Optional.of(new Contradiction(OracleRule.SIZE_MATCHES_BODY, "RFC822.SIZE " + before.bodyOctets()
                    + " for UID " + uid + " in " + name + ": its BODY[] was seen with that many octets"));
        }
        return Optional.empty();
    }

    /** The octets of the BODY[] of a UID, seen under {@code validity}. */
    Optional<Contradiction> body(long validity, long uid, long octets) {
        if (!current(validity)) {
            return Optional.empty();
        }
        Facts before = merge(uid, f -> f.bodyOctets() < 0 ? new Facts(f.size(), octets, f.envelope()) : f);
        if (before.size() >= 0 && before.size() != octets) {
            return Optional.of(new Contradiction(OracleRule.SIZE_MATCHES_BODY, "a BODY[] of " + before.size()
                    + " octets for UID " + uid + " in " + name + ", the RFC822.SIZE seen for it (it has " + octets + ")"));
        }
        if (before.bodyOctets() >= 0 && before.bodyOctets() != octets) {
            return Optional.of(new Contradiction(OracleRule.STATIC_ITEMS_UNCHANGED, "a BODY[] of " + before.bodyOctets()
                    + " octets for UID " + uid + " in " + name + ", as seen before"));
        }
        return Optional.empty();
    }

    /** The ENVELOPE of a UID, seen under {@code validity}. */
    Optional<Contradiction> envelope(long validity, long uid, ImapValue envelope) {
        if (!current(validity)) {
            return Optional.empty();
        }
        Facts before = merge(uid, f -> f.envelope() == null ? new Facts(f.size(), f.bodyOctets(), envelope) : f);
        if (before.envelope() != null && !ImapValue.sameValue(before.envelope(), envelope)) {
            return Optional.of(new Contradiction(OracleRule.STATIC_ITEMS_UNCHANGED,
                    "the ENVELOPE seen before for UID " + uid + " in " + name + ": " + before.envelope()));
        }
        return Optional.empty();
    }

    /**
     * A session was told the message of this UID was expunged: its facts go, so what is kept stays
     * bounded by the mailbox's size, not by the run's length. (A session not told yet may still
     * fetch it, RFC 2180 §4.1.1; that sight is then learnt again, and checked against later ones.)
     */
    void expunged(long validity, long uid) {
        if (current(validity)) {
            byUid.remove(uid);
        }
    }

    /** Applies {@code fill} to the UID's facts atomically and returns the facts as they were before. */
    private Facts merge(long uid, java.util.function.UnaryOperator<Facts> fill) {
        Facts[] before = new Facts[1];
        byUid.compute(uid, (k, f) -> {
            Facts old = f == null ? Facts.NONE : f;
            before[0] = old;
            return fill.apply(old);
        });
        return before[0];
    }

    private synchronized boolean current(long validity) {
        return validity != 0 && validity == uidValidity;
    }
}
