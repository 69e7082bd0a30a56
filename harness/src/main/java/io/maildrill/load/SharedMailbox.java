package io.maildrill.load;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every session on one mailbox has learnt about its messages' static items (RFC822.SIZE,
 * ENVELOPE) by UID, under the UIDVALIDITY they were learnt with. The first session to see a UID's
 * item records it; every later sight, by any session, must agree (RFC 3501 §2.3.1.1: mailbox,
 * UIDVALIDITY and UID name one message for good). Thread-safe: sessions on many event loops share it.
 */
final class SharedMailbox {

    private record Facts(long size, String envelope) {
        Facts withSize(long newSize) {
            return new Facts(newSize, envelope);
        }

        Facts withEnvelope(String newEnvelope) {
            return new Facts(size, newEnvelope);
        }
    }

    private final String name;
    private final ConcurrentHashMap<Long, Facts> byUid = new ConcurrentHashMap<>();
    private long uidValidity;

    SharedMailbox(String name) {
        this.name = name;
    }

    String name() {
        return name;
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

    /** The RFC822.SIZE of a UID seen under {@code validity}; a problem when it contradicts an earlier sight. */
    Optional<String> size(long validity, long uid, long size) {
        if (!current(validity)) {
            return Optional.empty();
        }
        Facts before = byUid.putIfAbsent(uid, new Facts(size, null));
        if (before == null) {
            return Optional.empty();
        }
        if (before.size() < 0) {
            byUid.computeIfPresent(uid, (k, f) -> f.size() < 0 ? f.withSize(size) : f);
            return Optional.empty();
        }
        return before.size() == size ? Optional.empty()
                : Optional.of("RFC822.SIZE " + before.size() + " for UID " + uid + " in " + name + ", as seen before");
    }

    /** The ENVELOPE of a UID seen under {@code validity}; a problem when it contradicts an earlier sight. */
    Optional<String> envelope(long validity, long uid, String envelope) {
        if (!current(validity)) {
            return Optional.empty();
        }
        Facts before = byUid.putIfAbsent(uid, new Facts(-1, envelope));
        if (before == null) {
            return Optional.empty();
        }
        if (before.envelope() == null) {
            byUid.computeIfPresent(uid, (k, f) -> f.envelope() == null ? f.withEnvelope(envelope) : f);
            return Optional.empty();
        }
        return before.envelope().equals(envelope) ? Optional.empty()
                : Optional.of("the ENVELOPE seen before for UID " + uid + " in " + name + ": " + before.envelope());
    }

    private synchronized boolean current(long validity) {
        return validity != 0 && validity == uidValidity;
    }
}
