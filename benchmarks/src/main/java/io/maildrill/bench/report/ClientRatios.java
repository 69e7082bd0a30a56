package io.maildrill.bench.report;

import io.maildrill.report.model.BenchmarkResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Within one run: how many times faster maildrill is than Jakarta Mail on each workload both ran. */
public final class ClientRatios {

    public static final String MAILDRILL = "maildrill";
    public static final String JAKARTA = "jakarta";

    /** One workload measured with both clients. */
    public record Ratio(ResultKey key, BenchmarkResult maildrill, BenchmarkResult jakarta, double speedup) {
    }

    private ClientRatios() {
    }

    public static List<Ratio> of(List<BenchmarkResult> results) {
        Map<ResultKey, BenchmarkResult> maildrill = new LinkedHashMap<>();
        Map<ResultKey, BenchmarkResult> jakarta = new LinkedHashMap<>();
        for (BenchmarkResult r : results) {
            String client = r.params().get(BenchmarkResult.CLIENT_PARAM);
            if (MAILDRILL.equals(client)) {
                maildrill.put(ResultKey.ignoringClient(r), r);
            } else if (JAKARTA.equals(client)) {
                jakarta.put(ResultKey.ignoringClient(r), r);
            }
        }
        List<Ratio> ratios = new ArrayList<>();
        maildrill.forEach((key, m) -> {
            BenchmarkResult j = jakarta.get(key);
            if (j != null) {
                OptionalDouble speedup = RunComparison.speedup(j, m);
                if (speedup.isPresent()) {
                    ratios.add(new Ratio(key, m, j, speedup.getAsDouble()));
                }
            }
        });
        return ratios;
    }
}
