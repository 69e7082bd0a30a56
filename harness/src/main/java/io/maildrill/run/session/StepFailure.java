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
    private final boolean silence;

    public StepFailure(int line, String session, String sent, String expected, String actual) {
        this(line, session, sent, expected, actual, false);
    }

    private StepFailure(int line, String session, String sent, String expected, String actual, boolean silence) {
        super(expected + " / " + actual, null, false, false);
        this.line = line;
        this.session = session;
        this.sent = sent;
        this.expected = expected;
        this.actual = actual;
        this.silence = silence;
    }

    /**
     * The same failure, marked as silence: the server sent nothing of the awaited kind where the script waited
     * for an unsolicited response (an IDLE push). In a script whose level is MAY that is behaviour
     * the server need not offer, not a deviation.
     */
    public StepFailure asSilence() {
        return new StepFailure(line, session, sent, expected, actual, true);
    }

    public boolean silence() {
        return silence;
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
