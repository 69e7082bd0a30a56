package io.maildrill.report.html;

import io.maildrill.report.model.BenchmarkResult;
import io.maildrill.report.model.RunResult;
import io.maildrill.report.model.RunSummary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static io.maildrill.report.html.HtmlEscaper.escape;

/**
 * Writes one self-contained HTML report: summary, filterable script list with steps, failures and transcripts,
 * catalog coverage (with requirement text when supplied) and, when given, benchmark charts. CSS, JS and SVG are
 * inline; the page makes no network request and works from {@code file://}. The root element gets
 * {@code data-js="ready"} once the script has run (used by browser tests).
 */
public final class HtmlReportWriter {

    /** File name used by {@link #write(RunResult, List, Map, Path)}. */
    public static final String FILE_NAME = "maildrill-report.html";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'");
    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");

    /**
     * Writes {@value #FILE_NAME} into {@code directory} (created if missing) and returns the file.
     *
     * @param benchmarks      benchmark results to chart; empty for none
     * @param requirementText catalog ID to requirement text; empty map when unknown
     */
    public Path write(RunResult run, List<BenchmarkResult> benchmarks, Map<String, String> requirementText, Path directory)
            throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(run, benchmarks, requirementText, out);
        }
        return file;
    }

    /** Writes the page to {@code out}, which is flushed but not closed. */
    public void write(RunResult run, List<BenchmarkResult> benchmarks, Map<String, String> requirementText, Writer out)
            throws IOException {
        out.write(render(run, benchmarks, requirementText));
        out.flush();
    }

    /** Writes the page without benchmarks or requirement text. */
    public void write(RunResult run, Writer out) throws IOException {
        write(run, List.of(), Map.of(), out);
    }

    /** The report's stylesheet, for other maildrill pages (the load report) that should look the same. */
    public static String stylesheet() {
        return CSS;
    }

    /** The complete page as a string. */
    public String render(RunResult run, List<BenchmarkResult> benchmarks, Map<String, String> requirementText) {
        RunSummary summary = run.summary();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">")
                .append("<title>maildrill · ").append(escape(run.target().description())).append("</title><style>")
                .append(CSS).append("</style></head><body>");
        header(run, summary, html);
        html.append("<main>");
        SummarySection.render(summary, html);
        ScriptsSection.render(run.scripts(), summary.total(), html);
        CatalogSection.render(summary.byCatalogId(), requirementText, html);
        BenchmarkSection.render(benchmarks, html);
        html.append("</main><footer>maildrill ").append(escape(run.toolVersion())).append(" · run ")
                .append(escape(run.runId())).append(" · ").append(escape(run.environment().javaVersion())).append(" · ")
                .append(escape(run.environment().os())).append(" · ").append(run.environment().hostCores())
                .append(" cores</footer><script>").append(JS).append("</script></body></html>\n");
        return html.toString();
    }

    private static void header(RunResult run, RunSummary summary, StringBuilder html) {
        int newFailures = summary.total().newFailures();
        html.append("<header class=\"top\"><div class=\"wrap\"><div class=\"brand\">maildrill <span>conformance report</span></div>")
                .append("<h1>").append(escape(run.target().description())).append("</h1><div class=\"meta\">");
        for (String endpoint : run.target().endpoints()) {
            html.append("<code>").append(escape(endpoint)).append("</code>");
        }
        html.append("<span>").append(WHEN.format(run.startedAt().atOffset(ZoneOffset.UTC))).append("</span><span>")
                .append(ScriptsSection.millis(run.duration())).append("</span></div>");
        if (!run.target().facts().isEmpty()) {
            html.append("<ul class=\"facts\">");
            for (String fact : run.target().facts()) {
                html.append("<li>").append(escape(fact)).append("</li>");
            }
            html.append("</ul>");
        }
        html.append("<div class=\"verdict ").append(newFailures > 0 ? "bad" : "good").append("\">")
                .append(newFailures > 0 ? newFailures + " new failure" + (newFailures == 1 ? "" : "s") : "No new failures")
                .append("</div></div></header>");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlReportWriter.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
