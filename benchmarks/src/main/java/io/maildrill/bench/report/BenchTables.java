package io.maildrill.bench.report;

import io.maildrill.report.model.BenchmarkResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Markdown tables (readable as they are on a console): one table per workload, the
 * maildrill-versus-Jakarta-Mail ratios, and the side-by-side comparison of several runs.
 */
public final class BenchTables {

    private BenchTables() {
    }

    /** One table per workload: parameters, mode, score, error, secondary rates and percentiles. */
    public static String perWorkload(List<BenchmarkResult> results) {
        Map<String, List<BenchmarkResult>> byWorkload = results.stream()
                .collect(Collectors.groupingBy(BenchmarkResult::workload, LinkedHashMap::new, Collectors.toList()));
        StringBuilder md = new StringBuilder();
        byWorkload.forEach((workload, list) -> {
            md.append("### ").append(workload).append("\n\n");
            List<List<String>> rows = new ArrayList<>();
            for (BenchmarkResult r : list) {
                rows.add(List.of(ResultKey.of(r).params(), r.mode(), Numbers.format(r.score()),
                        Double.isFinite(r.error()) ? "± " + Numbers.format(r.error()) : "", r.unit(),
                        r.secondaryMetrics().entrySet().stream().map(e -> e.getKey() + " " + Numbers.format(e.getValue()))
                                .collect(Collectors.joining(", ")),
                        r.percentiles().entrySet().stream().map(e -> e.getKey() + " " + Numbers.format(e.getValue()))
                                .collect(Collectors.joining(", "))));
            }
            table(md, List.of("params", "mode", "score", "error", "unit", "rates", "percentiles (ms)"), rows);
            md.append('\n');
        });
        return md.toString();
    }

    /** maildrill against Jakarta Mail, workload by workload ("3.10×" = maildrill 3.1 times faster). */
    public static String clientRatios(List<BenchmarkResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (ClientRatios.Ratio r : ClientRatios.of(results)) {
            rows.add(List.of(r.key().workload(), r.key().params(), r.key().mode(), Numbers.format(r.maildrill().score()),
                    Numbers.format(r.jakarta().score()), r.maildrill().unit(), Numbers.ratio(r.speedup())));
        }
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("### maildrill vs Jakarta Mail\n\n");
        table(md, List.of("workload", "params", "mode", "maildrill", "Jakarta Mail", "unit", "maildrill speed-up"), rows);
        return md.append('\n').toString();
    }

    /** Several runs side by side, with each run's speed-up against the first. */
    public static String comparison(List<String> runNames, List<RunComparison.Row> compared) {
        List<String> header = new ArrayList<>(List.of("workload", "params", "mode", "unit"));
        for (int i = 0; i < runNames.size(); i++) {
            header.add(runNames.get(i));
            if (i > 0) {
                header.add("vs " + runNames.get(0));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (RunComparison.Row row : compared) {
            List<String> cells = new ArrayList<>(List.of(row.key().workload(), row.key().params(), row.key().mode(), row.unit()));
            for (int i = 0; i < runNames.size(); i++) {
                cells.add(text(row.scores().get(i), false));
                if (i > 0) {
                    cells.add(text(row.speedups().get(i), true));
                }
            }
            rows.add(cells);
        }
        StringBuilder md = new StringBuilder();
        table(md, header, rows);
        return md.toString();
    }

    private static String text(OptionalDouble value, boolean ratio) {
        if (value.isEmpty()) {
            return "–";
        }
        return ratio ? Numbers.ratio(value.getAsDouble()) : Numbers.format(value.getAsDouble());
    }

    static void table(StringBuilder md, List<String> header, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> md.append(" --- |"));
        md.append('\n');
        for (List<String> row : rows) {
            md.append("| ").append(row.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | "))).append(" |\n");
        }
    }
}
