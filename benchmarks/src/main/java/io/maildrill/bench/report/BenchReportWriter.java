package io.maildrill.bench.report;

import io.maildrill.report.html.HtmlReportWriter;
import io.maildrill.report.html.SvgChart;
import io.maildrill.report.model.BenchmarkResult;
import io.maildrill.report.model.EnvironmentInfo;
import io.maildrill.report.model.RunResult;
import io.maildrill.report.model.TargetDescription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the benchmark report pages next to JMH's JSON: {@value #HTML} (the maildrill HTML report's
 * benchmark section for throughput results, plus latency-percentile and maildrill-vs-Jakarta-Mail
 * charts) and {@value #MARKDOWN} (tables per workload, ratios, notes).
 */
public final class BenchReportWriter {

    public static final String HTML = "benchmarks.html";
    public static final String MARKDOWN = "benchmarks.md";

    /** What the pages say about the run: target, start and end, and free-text notes (e.g. scaling warnings). */
    public record RunInfo(String target, List<String> endpoints, Instant startedAt, Instant finishedAt, List<String> notes) {
    }

    private BenchReportWriter() {
    }

    public static void write(List<BenchmarkResult> results, RunInfo info, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(MARKDOWN), markdown(results, info), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(HTML), html(results, info), StandardCharsets.UTF_8);
    }

    static String markdown(List<BenchmarkResult> results, RunInfo info) {
        StringBuilder md = new StringBuilder("# maildrill benchmarks: ").append(info.target()).append("\n\n");
        EnvironmentInfo env = EnvironmentInfo.current();
        md.append("Run ").append(info.startedAt()).append(" to ").append(info.finishedAt()).append(" · ")
                .append(env.javaVersion()).append(" · ").append(env.os()).append(" · ").append(env.hostCores()).append(" cores\n\n");
        for (String note : info.notes()) {
            md.append("> ").append(note).append("\n\n");
        }
        md.append(BenchTables.clientRatios(results));
        md.append(BenchTables.perWorkload(results));
        return md.toString();
    }

    static String html(List<BenchmarkResult> results, RunInfo info) {
        List<BenchmarkResult> throughput = results.stream().filter(r -> r.mode().equals("thrpt") && r.unit().equals("msgs/s"))
                .toList();
        RunResult run = new RunResult("bench-" + info.startedAt().getEpochSecond(), "0.1.0", info.startedAt(), info.finishedAt(),
                new TargetDescription("benchmarks · " + info.target(), info.endpoints()), List.of(), EnvironmentInfo.current());
        String page = new HtmlReportWriter().render(run, throughput, Map.of());
        StringBuilder extra = new StringBuilder("<section id=\"bench-extra\" class=\"card\"><h2>Latency and baseline</h2>");
        for (String note : info.notes()) {
            extra.append("<p class=\"note\">").append(escape(note)).append("</p>");
        }
        extra.append("<div class=\"charts\">");
        ratioChart(results, extra);
        latencyCharts(results, extra);
        extra.append("</div><pre>").append(escape(BenchTables.clientRatios(results) + BenchTables.perWorkload(results)))
                .append("</pre></section>");
        int end = page.lastIndexOf("</main>");
        return end < 0 ? page + extra : page.substring(0, end) + extra + page.substring(end);
    }

    private static void ratioChart(List<BenchmarkResult> results, StringBuilder html) {
        List<ClientRatios.Ratio> ratios = ClientRatios.of(results).stream().filter(r -> r.key().mode().equals("thrpt")).toList();
        if (ratios.isEmpty()) {
            return;
        }
        SvgChart chart = SvgChart.bars("maildrill vs Jakarta Mail (throughput)", ratios.get(0).maildrill().unit());
        for (ClientRatios.Ratio r : ratios) {
            String category = r.key().workload() + " " + r.maildrill().params().getOrDefault(BenchmarkResult.MAILBOX_SIZE_PARAM, "");
            chart.add("maildrill", category.trim(), r.maildrill().score());
            chart.add("Jakarta Mail", category.trim(), r.jakarta().score());
        }
        html.append(chart.toSvg());
    }

    private static void latencyCharts(List<BenchmarkResult> results, StringBuilder html) {
        Map<String, List<BenchmarkResult>> byWorkload = results.stream().filter(r -> !r.percentiles().isEmpty())
                .collect(Collectors.groupingBy(BenchmarkResult::workload, java.util.LinkedHashMap::new, Collectors.toList()));
        byWorkload.forEach((workload, list) -> {
            SvgChart chart = SvgChart.bars(workload + ": latency percentiles", "ms");
            for (BenchmarkResult r : list) {
                String series = r.series() + " " + r.params().getOrDefault(BenchmarkResult.MAILBOX_SIZE_PARAM, "")
                        + (r.params().getOrDefault("threads", "1").equals("1") ? "" : " ×" + r.params().get("threads"));
                r.percentiles().forEach((p, v) -> chart.add(series.trim(), p, v));
            }
            html.append(chart.toSvg());
        });
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
