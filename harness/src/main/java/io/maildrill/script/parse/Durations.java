package io.maildrill.script.parse;

import java.time.Duration;

/** {@code 250ms}, {@code 5s}, {@code 2m}: the only duration forms scripts use. */
final class Durations {
    private Durations() {
    }

    static Duration parse(String word, Duration max, LineCursor at) {
        var m = java.util.regex.Pattern.compile("(\\d{1,6})(ms|s|m)").matcher(word);
        if (!m.matches()) {
            throw at.error("expected a duration like 500ms, 5s or 2m, found '" + word + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
        if (d.isZero() || d.compareTo(max) > 0) {
            throw at.error("duration " + word + " out of range (expected: > 0 and <= " + max.toSeconds() + "s)");
        }
        return d;
    }
}
