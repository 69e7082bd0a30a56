package io.maildrill.run.session;

/**
 * A statement did not get what the script states: the script stops and is reported FAILED with
 * these details. Thrown inside the runner only; never escapes {@code ScriptExecutor.execute}.
 *
 * @param line     1-based script line (the failing expectation's own line for a group)
 * @param session  session name, or "script" for statements not bound to one
 * @param sent     the command sent, credentials redacted ("" when none)
 * @param expected what the script stated, with {@code #k} resolutions
 * @param actual   what arrived
 */
public final class StepFailure extends RuntimeException {

    private final int line;
    private final String session;
    private final String sent;
    private final String expected;
    private final String actual;

    public StepFailure(int line, String session, String sent, String expected, String actual) {
        super(expected + " / " + actual, null, false, false);
        this.line = line;
        this.session = session;
        this.sent = sent;
        this.expected = expected;
        this.actual = actual;
    }

    public int line() {
        return line;
    }

    public String session() {
        return session;
    }

    public String sent() {
        return sent;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
