package io.maildrill.run.session;

/**
 * The script could not be run at all (connection refused, a wait in setup expired, fixture not
 * loadable): the script is reported ERROR with this reason, not FAILED.
 */
public final class SetupError extends RuntimeException {

    private final int line;
    private final String session;

    public SetupError(int line, String session, String reason, Throwable cause) {
        super(reason, cause);
        this.line = line;
        this.session = session;
    }

    public int line() {
        return line;
    }

    public String session() {
        return session;
    }
}
