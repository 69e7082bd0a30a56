package io.maildrill.report.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one load run (or the merge of several shards) measured and found: the document behind
 * {@code load.json}, the JUnit XML and the console summary. Latencies are milliseconds.
 *
 * @param profile  the profile's name
 * @param target   the target as described to the user
 * @param shards   the shards this report covers ({@code 0/1} for a whole run; several after a merge)
 * @param start    when the run (the earliest shard) started, ISO-8601 UTC
 * @param end      when it (the last shard) ended, ISO-8601 UTC
 * @param clients  users in the whole run
 * @param totals   the sums
 * @param kinds    per command kind, in step order
 * @param rules    every oracle rule, violated or not
 * @param timeline the run over time, for the charts: a point a second, or coarser for long runs
 */
public record LoadReport(String profile, String target, List<String> shards, String start, String end, int clients,
                         Totals totals, List<Kind> kinds, List<Rule> rules, List<Point> timeline) {

    public LoadReport {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(target, "target");
        shards = List.copyOf(shards);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(totals, "totals");
        kinds = List.copyOf(kinds);
        rules = List.copyOf(rules);
        timeline = List.copyOf(timeline);
    }

    /**
     * One stretch of the run (a second; several when a long run is thinned to keep the report small).
     *
     * @param startMillis    epoch milliseconds
     * @param endMillis      epoch milliseconds
     * @param sessions       connections open at its end
     * @param errors         errors in it
     * @param violations     violations so far
     * @param kinds          per command kind: commands completed in it, and its p50 and p99 (ms; for a
     *                       thinned point, the count-weighted p50 and the highest p99 of the seconds in it)
     */
    public record Point(long startMillis, long endMillis, int sessions, long errors, long violations, List<KindPoint> kinds) {
        public Point {
            kinds = List.copyOf(kinds);
        }

        /**
         * This point and {@code next}, the one right after it, as one stretch: counts add up, a kind's p50 is the
         * count-weighted one and its p99 the higher; sessions and violations so far are {@code next}'s.
         */
        public Point followedBy(Point next) {
            Map<String, KindPoint> merged = new LinkedHashMap<>();
            for (KindPoint k : kinds) {
                merged.put(k.kind(), k);
            }
            for (KindPoint k : next.kinds()) {
                merged.merge(k.kind(), k, (x, y) -> {
                    long count = x.count() + y.count();
                    double p50 = count == 0 ? 0 : (x.p50() * x.count() + y.p50() * y.count()) / count;
                    return new KindPoint(x.kind(), count, p50, Math.max(x.p99(), y.p99()));
                });
            }
            return new Point(startMillis, next.endMillis(), next.sessions(), errors + next.errors(), next.violations(),
                    new ArrayList<>(merged.values()));
        }
    }

    /** One kind in one {@link Point}. */
    public record KindPoint(String kind, long count, double p50, double p99) {
    }

    /**
     * @param commands   commands that got their tagged response
     * @param refused    of those, answered NO
     * @param errors     BAD answers, timeouts, dropped connections, malformed replies, refused LOGIN or SELECT
     * @param violations responses the oracle caught breaking a rule
     * @param pushed     untagged responses the server pushed during IDLE, each checked by the oracle as it came
     * @param pushedExists of those, EXISTS
     */
    public record Totals(long commands, long refused, long errors, long violations, long pushed, long pushedExists) {
    }

    /**
     * One command kind.
     *
     * @param perSecond commands per second over the run
     * @param errors    by what happened
     */
    public record Kind(String kind, long count, long refused, long errorCount, Map<String, Long> errors, double perSecond,
                       Latency latency) {
        public Kind {
            errors = Map.copyOf(errors);
        }
    }

    /** Percentiles from the run's histogram, in milliseconds (never averaged across shards: merged histograms). */
    public record Latency(double p50, double p90, double p99, double p999, double max, double mean) {
    }

    /**
     * An oracle rule.
     *
     * @param examples the first violations, each as one line: session, command, server bytes, expectation
     */
    public record Rule(String id, String catalogId, String section, String text, long violations, List<String> examples) {
        public Rule {
            examples = List.copyOf(examples);
        }
    }
}
