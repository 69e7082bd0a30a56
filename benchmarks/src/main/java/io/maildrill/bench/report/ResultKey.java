package io.maildrill.bench.report;

import io.maildrill.report.model.BenchmarkResult;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What makes two results comparable: same workload, mode and parameters. {@link #of} keeps the
 * client parameter (runs are compared client by client); {@link #ignoringClient} drops it (the
 * maildrill and Jakarta Mail results of one run are compared with each other).
 */
public record ResultKey(String workload, String mode, String params) {

    public static ResultKey of(BenchmarkResult r) {
        return new ResultKey(r.workload(), r.mode(), describe(r.params(), false));
    }

    public static ResultKey ignoringClient(BenchmarkResult r) {
        return new ResultKey(r.workload(), r.mode(), describe(r.params(), true));
    }

    private static String describe(Map<String, String> params, boolean dropClient) {
        return params.entrySet().stream()
                .filter(e -> !(dropClient && e.getKey().equals(BenchmarkResult.CLIENT_PARAM)))
                .filter(e -> !e.getKey().equals("target"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    /** True for modes where a larger score is better (throughput); false for times. */
    public static boolean higherIsBetter(String mode) {
        return mode.equals("thrpt");
    }
}
