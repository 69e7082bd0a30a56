package io.maildrill.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Every violation counted by rule, and the first {@value #KEPT_PER_RULE} of each rule kept whole:
 * a server that breaks a rule a million times costs a counter, not a million records.
 */
public final class Violations {

    public static final int KEPT_PER_RULE = 20;

    private final AtomicLongArray counts = new AtomicLongArray(OracleRule.values().length);
    private final Map<OracleRule, List<Violation>> kept = new EnumMap<>(OracleRule.class);

    public void add(Violation violation) {
        long n = counts.incrementAndGet(violation.rule().ordinal());
        if (n <= KEPT_PER_RULE) {
            synchronized (kept) {
                kept.computeIfAbsent(violation.rule(), r -> new ArrayList<>()).add(violation);
            }
        }
    }

    public long count(OracleRule rule) {
        return counts.get(rule.ordinal());
    }

    public long total() {
        long sum = 0;
        for (int i = 0; i < counts.length(); i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    /** The kept violations of a rule, oldest first. */
    public List<Violation> kept(OracleRule rule) {
        synchronized (kept) {
            return List.copyOf(kept.getOrDefault(rule, List.of()));
        }
    }
}
