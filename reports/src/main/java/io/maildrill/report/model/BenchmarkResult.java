package io.maildrill.report.model;

import java.util.Map;

/**
 * One JMH result, reduced to what reports chart and tabulate (the full JMH JSON is written by JMH itself).
 *
 * <p>Two parameter names have a meaning for charts: {@value #CLIENT_PARAM} names the series ("maildrill",
 * "Jakarta Mail"), {@value #MAILBOX_SIZE_PARAM} is the numeric x-axis of scaling charts.
 *
 * @param benchmark        fully qualified JMH benchmark method
 * @param workload         short workload name ("POP3 RETR all", "IMAP FETCH ENVELOPE 1:*")
 * @param params           JMH {@code @Param} values, in declaration order
 * @param mode             JMH mode ("thrpt", "avgt", "sample", ...)
 * @param score            primary score
 * @param error            score error (99.9 %); {@code NaN} when JMH could not compute one
 * @param unit             score unit ("ops/s", "msgs/s", "ms/op")
 * @param secondaryMetrics secondary metric name to score (for example "bytes/s")
 * @param percentiles      percentile label ("p0.50", "p0.99") to value, in the score unit
 */
public record BenchmarkResult(String benchmark, String workload, Map<String, String> params, String mode,
                              double score, double error, String unit, Map<String, Double> secondaryMetrics,
                              Map<String, Double> percentiles) {

    /** Parameter naming the client or implementation, used as the chart series. */
    public static final String CLIENT_PARAM = "client";
    /** Parameter holding the mailbox size (message count), used as the x-axis of scaling charts. */
    public static final String MAILBOX_SIZE_PARAM = "mailboxSize";

    public BenchmarkResult {
        Checks.nonBlank(benchmark, "benchmark");
        Checks.nonBlank(workload, "workload");
        params = Checks.orderedMap(params, "params");
        Checks.nonBlank(mode, "mode");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score: " + score + " (expected: a finite number)");
        }
        Checks.nonBlank(unit, "unit");
        secondaryMetrics = Checks.orderedMap(secondaryMetrics, "secondaryMetrics");
        percentiles = Checks.orderedMap(percentiles, "percentiles");
    }

    /** The series this result belongs to: the {@value #CLIENT_PARAM} parameter, else the benchmark's method name. */
    public String series() {
        String client = params.get(CLIENT_PARAM);
        if (client != null) {
            return client;
        }
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }
}
