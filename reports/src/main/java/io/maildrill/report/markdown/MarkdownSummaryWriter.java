package io.maildrill.report.markdown;

import io.maildrill.report.model.Failure;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.OutcomeCounts;
import io.maildrill.report.model.RunResult;
import io.maildrill.report.model.RunSummary;
import io.maildrill.report.model.ScriptResult;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a short GitHub-flavoured Markdown summary for a pull-request comment: a verdict header line, one
 * table with a row per promise, the new failures (with {@code script:line} and catalog IDs), fixed scripts,
 * and expected failures and skips collapsed in {@code <details>}. Lists are capped at {@value #MAX_LISTED}
 * entries so the comment stays far below GitHub's 65 536-character limit.
 */
public final class MarkdownSummaryWriter {

    /** File name used by {@link #write(RunResult, Path)}. */
    public static final String FILE_NAME = "maildrill-summary.md";
    static final int MAX_LISTED = 50;

    private static final List<Outcome> COLUMNS = List.of(Outcome.PASSED, Outcome.FAILED, Outcome.ERROR,
            Outcome.EXPECTED_FAILURE, Outcome.SKIPPED, Outcome.FIXED);

    /** Writes {@value #FILE_NAME} into {@code directory} (created if missing) and returns the file. */
    public Path write(RunResult run, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        Files.writeString(file, render(run), StandardCharsets.UTF_8);
        return file;
    }

    /** Writes the summary to {@code out}, which is flushed but not closed. */
    public void write(RunResult run, Writer out) throws IOException {
        out.write(render(run));
        out.flush();
    }

    /** The summary as a string. */
    public String render(RunResult run) {
        RunSummary summary = run.summary();
        OutcomeCounts total = summary.total();
        StringBuilder md = new StringBuilder();
        int newFailures = total.newFailures();
        md.append("## ").append(newFailures > 0 ? "❌ maildrill: " + newFailures + " new failure" + (newFailures == 1 ? "" : "s")
                : "✅ maildrill: no new failures").append(" — ").append(MarkdownText.text(run.target().description())).append("\n\n");
        for (String fact : run.target().facts()) {
            md.append("- ").append(MarkdownText.text(fact)).append('\n');
        }
        if (!run.target().facts().isEmpty()) {
            md.append('\n');
        }
        md.append(total.total()).append(" scripts");
        for (Outcome outcome : COLUMNS) {
            if (total.count(outcome) > 0) {
                md.append(" · ").append(total.count(outcome)).append(' ').append(label(outcome));
            }
        }
        total.passRate().ifPresent(rate -> md.append(String.format(Locale.ROOT, " · pass rate %.0f%%", rate * 100)));
        md.append(" · run ").append(MarkdownText.code(run.runId())).append("\n\n");
        promiseTable(summary.byPromise(), md);
        list("### New failures", run.scripts().stream().filter(s -> s.outcome().isNewFailure()).toList(), md, false);
        list("### Fixed (listed as known failures, now passing: update the expectations file)",
                run.scripts().stream().filter(s -> s.outcome() == Outcome.FIXED).toList(), md, false);
        list("Expected failures", run.scripts().stream().filter(s -> s.outcome() == Outcome.EXPECTED_FAILURE).toList(), md, true);
        list("Skipped", run.scripts().stream().filter(s -> s.outcome() == Outcome.SKIPPED).toList(), md, true);
        return md.toString();
    }

    private static void promiseTable(Map<String, OutcomeCounts> byPromise, StringBuilder md) {
        md.append("| promise | scripts |");
        COLUMNS.forEach(o -> md.append(' ').append(label(o)).append(" |"));
        md.append("\n|---|---:|");
        COLUMNS.forEach(o -> md.append("---:|"));
        md.append('\n');
        byPromise.forEach((promise, counts) -> {
            md.append("| ").append(MarkdownText.text(promise)).append(" | ").append(counts.total()).append(" |");
            for (Outcome outcome : COLUMNS) {
                int n = counts.count(outcome);
                md.append(' ').append(n == 0 ? "·" : outcome.isNewFailure() ? "**" + n + "**" : Integer.toString(n)).append(" |");
            }
            md.append('\n');
        });
        md.append('\n');
    }

    private static void list(String title, List<ScriptResult> scripts, StringBuilder md, boolean collapsed) {
        if (scripts.isEmpty()) {
            return;
        }
        md.append(collapsed ? "<details><summary>" + title + " (" + scripts.size() + ")</summary>\n\n" : title + "\n\n");
        scripts.stream().limit(MAX_LISTED).forEach(s -> md.append("- ").append(entry(s)).append('\n'));
        if (scripts.size() > MAX_LISTED) {
            md.append("- … and ").append(scripts.size() - MAX_LISTED).append(" more (see the HTML report)\n");
        }
        md.append(collapsed ? "\n</details>\n\n" : "\n");
    }

    private static String entry(ScriptResult s) {
        StringBuilder line = new StringBuilder();
        if (s.outcome() == Outcome.ERROR) {
            line.append("**error** ");
        }
        line.append(MarkdownText.code(s.failure().map(Failure::location).orElse(s.scriptId())));
        List<String> ids = s.failure().map(Failure::catalogIds).filter(l -> !l.isEmpty()).orElse(s.catalogIds());
        if (!ids.isEmpty()) {
            line.append(" (").append(MarkdownText.text(String.join(", ", ids))).append(')');
        }
        line.append(" — ").append(MarkdownText.text(s.title()));
        s.failure().filter(f -> s.outcome().isNewFailure()).ifPresent(f -> line.append(": session ")
                .append(MarkdownText.text(f.session())).append(", expected ").append(MarkdownText.code(f.expected()))
                .append(", got ").append(MarkdownText.code(f.actual())));
        s.reason().ifPresent(reason -> line.append(": ").append(MarkdownText.text(reason)));
        return line.toString();
    }

    private static String label(Outcome outcome) {
        return outcome.label().replace('-', ' ');
    }
}
