package io.maildrill.bench.run;

import io.maildrill.bench.report.ResultKey;
import io.maildrill.report.model.BenchmarkResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds workloads whose messages-per-second rate falls by more than half when the mailbox grows
 * tenfold: the server's per-message cost grows with mailbox size (super-linear total time).
 */
public final class ScalingNotes {

    /** Rate at the larger size / rate at the smaller, per tenfold growth, below which we warn. */
    static final double WARN_BELOW = 0.5;

    private ScalingNotes() {
    }

    public static List<String> find(List<BenchmarkResult> results, String serverName) {
        Map<String, List<BenchmarkResult>> series = new LinkedHashMap<>();
        for (BenchmarkResult r : results) {
            if (r.mode().equals("thrpt") && r.unit().equals("msgs/s") && r.params().containsKey(BenchmarkResult.MAILBOX_SIZE_PARAM)) {
                Map<String, String> rest = new LinkedHashMap<>(r.params());
                rest.remove(BenchmarkResult.MAILBOX_SIZE_PARAM);
                series.computeIfAbsent(r.workload() + " " + rest, k -> new ArrayList<>()).add(r);
            }
        }
        List<String> notes = new ArrayList<>();
        series.values().forEach(list -> {
            list.sort(Comparator.comparingLong(r -> Long.parseLong(r.params().get(BenchmarkResult.MAILBOX_SIZE_PARAM))));
            for (int i = 1; i < list.size(); i++) {
                BenchmarkResult small = list.get(i - 1);
                BenchmarkResult large = list.get(i);
                double growth = Math.log10(size(large) / size(small));
                if (growth <= 0 || small.score() <= 0) {
                    continue;
                }
                double perTenfold = Math.pow(large.score() / small.score(), 1 / growth);
                if (perTenfold < WARN_BELOW) {
                    notes.add(String.format(Locale.ROOT,
                            "%s slows down super-linearly on %s (%s): %,.0f msgs/s at %,d messages but %,.0f at %,d.",
                            serverName, large.workload(), ResultKey.ignoringClient(large).params(), small.score(),
                            (long) size(small), large.score(), (long) size(large)));
                }
            }
        });
        return notes;
    }

    private static double size(BenchmarkResult r) {
        return Double.parseDouble(r.params().get(BenchmarkResult.MAILBOX_SIZE_PARAM));
    }
}
