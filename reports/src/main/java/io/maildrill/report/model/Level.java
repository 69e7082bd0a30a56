package io.maildrill.report.model;

/** The requirement level a script rests on, as in the conformance catalog. */
public enum Level {
    MUST("MUST"),
    SHOULD("SHOULD"),
    MAY("MAY"),
    /** No RFC keyword; failing it is a security or robustness defect. */
    ROBUST("robust"),
    /** Not normative, but real clients depend on it. */
    INTEROP("interop");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    /** The catalog spelling: {@code MUST}, {@code SHOULD}, {@code MAY}, {@code robust}, {@code interop}. */
    public String label() {
        return label;
    }

    /** Parses the catalog spelling, case-insensitively. */
    public static Level fromLabel(String text) {
        for (Level level : values()) {
            if (level.label.equalsIgnoreCase(text.trim())) {
                return level;
            }
        }
        throw new IllegalArgumentException("level: " + text + " (expected one of MUST, SHOULD, MAY, robust, interop)");
    }
}
