package io.maildrill.run;

/**
 * A statement names a session that ended in a way the script accepted: {@code A: handshake or closed} met a
 * failed TLS handshake or a close, or a group's {@code BYE} alternative met an untagged BYE and the close. The statement is reported SKIPPED (not run), not failed, and the script
 * goes on; {@code A: reconnect} or {@code A: connect} starts the session again.
 */
final class SessionEnded extends RuntimeException {

    private final String session;
    private final int endedAt;

    SessionEnded(String session, int endedAt, String how) {
        super("not run: session " + session + " ended at line " + endedAt + " (" + how + ")", null, false, false);
        this.session = session;
        this.endedAt = endedAt;
    }

    String session() {
        return session;
    }

    int endedAt() {
        return endedAt;
    }
}
