package io.maildrill.report.model;

/** How one script step ended; known-failure bookkeeping only exists at script level. */
public enum StepOutcome {
    PASSED,
    FAILED,
    ERROR,
    /** Not executed, because an earlier step failed or the script was skipped. */
    SKIPPED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
