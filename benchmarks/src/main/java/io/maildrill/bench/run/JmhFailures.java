package io.maildrill.bench.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a benchmark produced no result, read from JMH's own output: after a {@code # Benchmark: }
 * line, a {@code <failure>} marker is followed by the exception the workload threw (a timeout,
 * a refusal quoting the server). JMH's JSON has no such field.
 */
final class JmhFailures {

    private static final String BENCHMARK = "# Benchmark: ";
    private static final String FAILURE = "<failure>";
    private static final int MAX_REASON = 300;

    private JmhFailures() {
    }

    /** Workload (method) name to the first exception line reported for it. */
    static Map<String, String> firstPerWorkload(List<String> lines) {
        Map<String, String> reasons = new LinkedHashMap<>();
        String workload = null;
        boolean afterFailure = false;
        for (String line : lines) {
            if (line.startsWith(BENCHMARK)) {
                String name = line.substring(BENCHMARK.length()).strip();
                workload = name.substring(name.lastIndexOf('.') + 1);
                afterFailure = false;
            } else if (line.contains(FAILURE)) {
                afterFailure = true;
            } else if (afterFailure && !line.isBlank() && workload != null) {
                String reason = line.strip();
                reasons.putIfAbsent(workload, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason);
                afterFailure = false;
            }
        }
        return reasons;
    }
}
