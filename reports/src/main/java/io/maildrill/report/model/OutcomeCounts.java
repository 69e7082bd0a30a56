package io.maildrill.report.model;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/** How many scripts ended with each outcome; every outcome is present (zero when none). */
public record OutcomeCounts(Map<Outcome, Integer> counts) {

    public OutcomeCounts {
        var copy = new EnumMap<Outcome, Integer>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            int n = counts.getOrDefault(outcome, 0);
            if (n < 0) {
                throw new IllegalArgumentException("counts[" + outcome + "]: " + n + " (expected: >= 0)");
            }
            copy.put(outcome, n);
        }
        counts = Collections.unmodifiableMap(copy);
    }

    /** Counts the given outcomes. */
    public static OutcomeCounts of(Collection<Outcome> outcomes) {
        var counts = new EnumMap<Outcome, Integer>(Outcome.class);
        outcomes.forEach(o -> counts.merge(o, 1, Integer::sum));
        return new OutcomeCounts(counts);
    }

    public int count(Outcome outcome) {
        return counts.get(outcome);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code PASSED + FIXED}. */
    public int passes() {
        return count(Outcome.PASSED) + count(Outcome.FIXED);
    }

    /** {@code FAILED + ERROR}: what must turn CI red. */
    public int newFailures() {
        return count(Outcome.FAILED) + count(Outcome.ERROR);
    }

    /**
     * Share of judged scripts that passed: {@code (PASSED + FIXED) / (total - SKIPPED)}. Expected failures count
     * as not passed (the server still misses the requirement). Empty when nothing was judged.
     */
    public OptionalDouble passRate() {
        int judged = total() - count(Outcome.SKIPPED);
        return judged == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) passes() / judged);
    }
}
