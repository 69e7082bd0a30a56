package io.maildrill.report.load;

import static io.maildrill.report.html.HtmlEscaper.escape;

import io.maildrill.report.html.HtmlReportWriter;
import io.maildrill.report.html.SvgChart;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code load.html}: one self-contained page for a load run (or a merge of shards) — the run and its verdict, the
 * totals, charts over time, the table of command kinds and the oracle's rules with the violations they caught. It
 * has no script and fetches nothing (its Content-Security-Policy forbids both), it looks like the check report
 * (same stylesheet), and everything that came from a server is escaped.
 */
public final class LoadHtmlWriter {

    public static final String FILE = "load.html";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'");
    private static final String LOAD_CSS = """
            .verdict .why { font-weight: 400; margin-left: 8px; }
            .tiles { grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); }
            .tile.failed .num { color: var(--failed); }
            table.kinds, table.rules { font-size: 13px; }
            table.kinds tbody th code { font-weight: 600; }
            table.kinds tr.failed td, table.kinds tr.failed th, table.rules tr.failed td { background: #fef2f2; }
            table.rules td:nth-child(2) { width: 62%; }
            pre.example { margin: 4px 0; background: #fff; border: 1px solid #fecaca; font-size: 12px; word-break: normal;
              overflow-wrap: anywhere; }
            table.rules details > summary { cursor: pointer; color: #1d4ed8; font-size: 12px; margin: 4px 0; }
            .chart-empty { border: 1px dashed var(--line); border-radius: 8px; padding: 14px; background: #fff; }
            .scroll { overflow-x: auto; }
            """;

    private LoadHtmlWriter() {
    }

    /** Writes {@value #FILE} into {@code directory} with the default error budget (no error allowed). */
    public static Path write(LoadReport report, Path directory) throws IOException {
        return write(report, 0, directory);
    }

    /**
     * Writes {@value #FILE} into {@code directory} (created if missing) and returns the file.
     *
     * @param maxErrors the errors the run allows before it fails ({@code --max-errors}), for the verdict
     */
    public static Path write(LoadReport report, long maxErrors, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(render(report, maxErrors));
        }
        return file;
    }

    /** The complete page. */
    public static String render(LoadReport report, long maxErrors) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>maildrill load · ").append(escape(report.profile())).append(" · ").append(escape(report.target()))
                .append("</title><style>").append(HtmlReportWriter.stylesheet()).append(LOAD_CSS).append("</style></head><body>");
        header(report, LoadVerdict.of(report, maxErrors), html);
        html.append("<main>");
        totals(report, html);
        LoadTimelineCharts.render(report, html);
        LoadTables.kinds(report.kinds(), html);
        LoadTables.rules(report.rules(), html);
        html.append("</main><footer>maildrill load · ").append(escape(report.start())).append(" – ").append(escape(report.end()))
                .append("</footer></body></html>\n");
        return html.toString();
    }

    private static void header(LoadReport report, LoadVerdict verdict, StringBuilder html) {
        Instant start = Instant.parse(report.start());
        Instant end = Instant.parse(report.end());
        html.append("<header class=\"top\"><div class=\"wrap\"><div class=\"brand\">maildrill <span>load report</span></div>")
                .append("<h1>").append(escape(report.target())).append("</h1><div class=\"meta\">")
                .append("<span>profile <code>").append(escape(report.profile())).append("</code></span>")
                .append("<span>").append(report.clients()).append(" clients</span>")
                .append("<span>shard").append(report.shards().size() == 1 ? " " : "s ").append("<code>")
                .append(escape(String.join(", ", report.shards()))).append("</code></span>")
                .append("<span>").append(WHEN.format(start.atOffset(ZoneOffset.UTC))).append(" → ")
                .append(WHEN.format(end.atOffset(ZoneOffset.UTC))).append("</span><span>")
                .append(length(seconds(report))).append("</span></div>")
                .append("<div class=\"verdict ").append(verdict.passed() ? "good" : "bad").append("\" id=\"verdict\">")
                .append(verdict.passed() ? "PASS" : "FAIL").append("<span class=\"why\">")
                .append(escape(String.join("; ", verdict.reasons()))).append("</span></div></div></header>");
    }

    private static void totals(LoadReport report, StringBuilder html) {
        LoadReport.Totals t = report.totals();
        double seconds = seconds(report);
        int peak = report.timeline().stream().mapToInt(LoadReport.Point::sessions).max().orElse(0);
        html.append("<section class=\"card\" id=\"totals\"><h2>Totals</h2><div class=\"tiles\">");
        tile(html, "rate", String.format(Locale.ROOT, "%,d", t.commands()), "commands");
        tile(html, "rate", seconds > 0 ? SvgChart.compact(t.commands() / seconds) : "–", "commands per second");
        tile(html, t.refused() > 0 ? "skipped" : "zero", String.format(Locale.ROOT, "%,d", t.refused()), "answered NO");
        tile(html, t.errors() > 0 ? "failed" : "zero", String.format(Locale.ROOT, "%,d", t.errors()), "errors");
        tile(html, t.violations() > 0 ? "failed" : "passed", String.format(Locale.ROOT, "%,d", t.violations()), "violations");
        tile(html, "", Integer.toString(report.clients()), "clients");
        tile(html, "", Integer.toString(peak), "most sessions open");
        if (t.pushed() > 0) {
            tile(html, "", String.format(Locale.ROOT, "%,d", t.pushed()),
                    "pushed during IDLE (" + String.format(Locale.ROOT, "%,d", t.pushedExists()) + " EXISTS)");
        }
        html.append("</div></section>");
    }

    private static void tile(StringBuilder html, String cssClass, String number, String caption) {
        html.append("<div class=\"tile ").append(cssClass).append("\"><div class=\"num\">").append(number)
                .append("</div><div class=\"cap\">").append(caption).append("</div></div>");
    }

    /** "20.1 s" for a short run, "40m" or "1h30m" for a long one. */
    static String length(double seconds) {
        return seconds < 60 ? SvgChart.compact(seconds) + " s" : SvgChart.duration(seconds);
    }

    private static double seconds(LoadReport report) {
        return Duration.between(Instant.parse(report.start()), Instant.parse(report.end())).toMillis() / 1000.0;
    }
}
