package io.maildrill.script.parse;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code 250ms}, {@code 5s}, {@code 2m}: the duration forms of scripts, and of load profiles and
 * the load command's options.
 */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})(ms|s|m)");

    private Durations() {
    }

    /**
     * A duration in one of the three forms (zero allowed).
     *
     * @throws IllegalArgumentException saying which forms are expected
     */
    public static Duration parse(String word) {
        Matcher m = FORM.matcher(word);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration like 500ms, 5s or 2m, found '" + word + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }

    static Duration parse(String word, Duration max, LineCursor at) {
        Duration d;
        try {
            d = parse(word);
        } catch (IllegalArgumentException e) {
            throw at.error(e.getMessage());
        }
        if (d.isZero() || d.compareTo(max) > 0) {
            throw at.error("duration " + word + " out of range (expected: > 0 and <= " + max.toSeconds() + "s)");
        }
        return d;
    }
}
