package io.maildrill.report.model;

/**
 * How one script ended. Only {@link #FAILED} and {@link #ERROR} are new failures that should turn CI red;
 * the expectations file turns a known failure into {@link #EXPECTED_FAILURE}, and a known failure that now
 * passes into {@link #FIXED} (so the expectations file can be cleaned up).
 */
public enum Outcome {
    /** Every step met its expectation. */
    PASSED,
    /** The server answered, but not as the script expected. */
    FAILED,
    /** The harness could not judge the server: connection refused, timeout, harness bug. */
    ERROR,
    /** Not run, with a reason (for example: server lacks a capability the script needs). */
    SKIPPED,
    /** Failed, and listed as a known failure in the expectations file (with its reason). */
    EXPECTED_FAILURE,
    /** Listed as a known failure, but passed this time. */
    FIXED;

    /** True for outcomes that must make a CI run fail. */
    public boolean isNewFailure() {
        return this == FAILED || this == ERROR;
    }

    /** True when the server behaved as required in this run. */
    public boolean isPass() {
        return this == PASSED || this == FIXED;
    }

    /** Lower-case, hyphenated label for reports ("expected-failure"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
