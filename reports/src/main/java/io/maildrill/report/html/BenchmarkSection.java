package io.maildrill.report.html;

import io.maildrill.report.model.BenchmarkResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import static io.maildrill.report.html.HtmlEscaper.escape;

/**
 * Benchmarks: a grouped bar chart of score per workload and series (at the largest mailbox size when results
 * carry {@value BenchmarkResult#MAILBOX_SIZE_PARAM}), one log-scale line chart per workload measured at several
 * mailbox sizes, and the full result table.
 */
final class BenchmarkSection {

    private BenchmarkSection() {
    }

    static void render(List<BenchmarkResult> results, StringBuilder html) {
        if (results.isEmpty()) {
            return;
        }
        html.append("<section id=\"benchmarks\" class=\"card\"><h2>Benchmarks</h2><div class=\"charts\">");
        html.append(barChart(results));
        Map<String, List<BenchmarkResult>> byWorkload = results.stream()
                .collect(Collectors.groupingBy(BenchmarkResult::workload, LinkedHashMap::new, Collectors.toList()));
        byWorkload.forEach((workload, list) -> {
            if (list.stream().map(BenchmarkSection::mailboxSize).filter(OptionalLong::isPresent).distinct().count() > 1) {
                SvgChart chart = SvgChart.lines(workload + " vs mailbox size", "messages in mailbox", list.get(0).unit()).logX();
                list.forEach(r -> mailboxSize(r).ifPresent(size -> chart.add(r.series(), size, r.score())));
                html.append(chart.toSvg());
            }
        });
        html.append("</div>");
        table(results, html);
        html.append("</section>");
    }

    private static String barChart(List<BenchmarkResult> results) {
        long largest = results.stream().map(BenchmarkSection::mailboxSize).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).max().orElse(-1);
        String title = "Score per workload" + (largest > 0 ? " at " + SvgChart.compact(largest) + " messages" : "");
        SvgChart chart = SvgChart.bars(title, results.get(0).unit());
        for (BenchmarkResult r : results) {
            OptionalLong size = mailboxSize(r);
            if (size.isEmpty() || size.getAsLong() == largest) {
                chart.add(r.series(), r.workload(), r.score());
            }
        }
        return chart.toSvg();
    }

    private static void table(List<BenchmarkResult> results, StringBuilder html) {
        html.append("<details class=\"bench\"><summary>All ").append(results.size()).append(" results</summary>")
                .append("<table class=\"steps\"><thead><tr><th>workload</th><th>series</th><th>params</th><th>mode</th>")
                .append("<th class=\"n\">score</th><th class=\"n\">± error</th><th>unit</th><th>percentiles</th></tr></thead><tbody>");
        for (BenchmarkResult r : results) {
            html.append("<tr><td>").append(escape(r.workload())).append("</td><td>").append(escape(r.series())).append("</td><td>")
                    .append(escape(r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))))
                    .append("</td><td>").append(escape(r.mode())).append("</td><td class=\"n\">").append(number(r.score()))
                    .append("</td><td class=\"n\">").append(Double.isFinite(r.error()) ? number(r.error()) : "–").append("</td><td>")
                    .append(escape(r.unit())).append("</td><td>")
                    .append(escape(r.percentiles().entrySet().stream().map(e -> e.getKey() + " " + number(e.getValue()))
                            .collect(Collectors.joining(", ")))).append("</td></tr>");
        }
        html.append("</tbody></table></details>");
    }

    private static OptionalLong mailboxSize(BenchmarkResult r) {
        String value = r.params().get(BenchmarkResult.MAILBOX_SIZE_PARAM);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            long size = Long.parseLong(value.trim());
            return size > 0 ? OptionalLong.of(size) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.3g", value);
    }
}
