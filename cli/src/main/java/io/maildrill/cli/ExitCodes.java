package io.maildrill.cli;

/** The process exit codes every maildrill command uses. */
public final class ExitCodes {
    /** Everything ran; nothing new failed. */
    public static final int OK = 0;
    /** The run completed and found new failures (conformance deviations not in the expectations file). */
    public static final int FAILURES = 1;
    /** Usage error, unreadable input, or the server could not be reached or logged into. */
    public static final int USAGE_OR_CONNECTION = 2;

    private ExitCodes() {
    }
}
