package io.maildrill.bench.report;

import io.maildrill.report.model.BenchmarkResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Several runs side by side: for every result key present in any run, each run's score and its
 * speed-up relative to the first run that has it. Speed-up is oriented so that above 1 is always
 * better: score ratio for throughput, inverse ratio for times.
 */
public final class RunComparison {

    /** One compared row. {@code scores} has one entry per run, empty where the run lacks the key. */
    public record Row(ResultKey key, String unit, List<OptionalDouble> scores, List<OptionalDouble> speedups) {
    }

    private RunComparison() {
    }

    public static List<Row> compare(List<List<BenchmarkResult>> runs) {
        Map<ResultKey, BenchmarkResult[]> byKey = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (BenchmarkResult r : runs.get(i)) {
                byKey.computeIfAbsent(ResultKey.of(r), k -> new BenchmarkResult[runs.size()])[i] = r;
            }
        }
        List<Row> rows = new ArrayList<>();
        byKey.forEach((key, results) -> {
            List<OptionalDouble> scores = new ArrayList<>();
            List<OptionalDouble> speedups = new ArrayList<>();
            Optional<BenchmarkResult> base = java.util.Arrays.stream(results).filter(java.util.Objects::nonNull).findFirst();
            for (BenchmarkResult r : results) {
                scores.add(r == null ? OptionalDouble.empty() : OptionalDouble.of(r.score()));
                speedups.add(r == null ? OptionalDouble.empty() : speedup(base.get(), r));
            }
            rows.add(new Row(key, base.get().unit(), scores, speedups));
        });
        return rows;
    }

    /** How many times better {@code candidate} is than {@code base}; empty when a score is zero. */
    public static OptionalDouble speedup(BenchmarkResult base, BenchmarkResult candidate) {
        if (base.score() == 0 || candidate.score() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(ResultKey.higherIsBetter(base.mode())
                ? candidate.score() / base.score() : base.score() / candidate.score());
    }
}
