package io.maildrill.script.ast;

import java.util.Locale;
import java.util.Optional;

/**
 * The strength of the requirement a script checks, as in the conformance catalog: an RFC keyword,
 * {@code robust} (no keyword; failing is a robustness or security defect) or {@code interop}
 * (behaviour real clients depend on).
 */
public enum Level {
    MUST,
    SHOULD,
    MAY,
    ROBUST,
    INTEROP;

    public static Optional<Level> fromWord(String word) {
        try {
            return Optional.of(valueOf(word.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
