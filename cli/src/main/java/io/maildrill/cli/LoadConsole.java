package io.maildrill.cli;

import io.maildrill.load.CommandStats;
import io.maildrill.load.ImapStep;
import io.maildrill.load.LoadListener;
import io.maildrill.load.Pop3Step;
import io.maildrill.load.StepCommand;
import io.maildrill.report.load.LoadReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The load run on the console: a header, then each second a line of commands per kind (like
 * imaptest's), a line of each kind's p99 in milliseconds, and a line of errors per kind when
 * there were any; at the end the summary per kind. Plain lines, no redrawing, so a CI log reads
 * as well as a terminal.
 */
final class LoadConsole implements LoadListener {

    private static final int WIDTH = 7;

    private final PrintWriter out;
    private final Instant start;
    /** The columns of the lines a second: every IMAP step, then, after a {@code |}, every POP3 step if asked. */
    private final List<StepCommand> columns = new ArrayList<>(List.of(ImapStep.values()));
    private int linesSinceHeader = Integer.MAX_VALUE / 2;

    /** For a summary only (a merge of shards). */
    LoadConsole(PrintWriter out, Instant start) {
        this(out, start, false);
    }

    /** With {@code pop3}, the lines a second have the POP3 kinds too (a profile with a POP3 persona). */
    LoadConsole(PrintWriter out, Instant start, boolean pop3) {
        this.out = out;
        this.start = start;
        if (pop3) {
            columns.addAll(List.of(Pop3Step.values()));
        }
    }

    /** Before the first POP3 column, a bar: both protocols have a LOGIN and a LIST. */
    private static String bar(StepCommand step) {
        return step == Pop3Step.LOGIN ? " |" : "";
    }

    @Override
    public synchronized void interval(Instant from, Instant to, List<CommandStats.Interval> kinds, int activeSessions,
                                      long violations) {
        if (linesSinceHeader >= 20) {
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%6s", "secs"));
            for (StepCommand step : columns) {
                header.append(bar(step)).append(cell(step.name()));
            }
            out.println(header.append("   sessions  violations"));
            linesSinceHeader = 0;
        }
        long seconds = Duration.between(start, to).toSeconds();
        StringBuilder counts = new StringBuilder(String.format(Locale.ROOT, "%5ds", seconds));
        StringBuilder p99 = new StringBuilder(String.format(Locale.ROOT, "%6s", "p99ms"));
        StringBuilder errors = new StringBuilder(String.format(Locale.ROOT, "%6s", "errors"));
        long errorCount = 0;
        for (StepCommand step : columns) {
            CommandStats.Interval kind = kinds.stream().filter(k -> k.kind().equals(step.kind())).findFirst().orElse(null);
            counts.append(bar(step)).append(cell(kind == null ? "0" : Long.toString(kind.completed())));
            p99.append(bar(step)).append(cell(kind == null || kind.latencies().getTotalCount() == 0 ? "-"
                    : String.format(Locale.ROOT, "%.1f", kind.latencies().getValueAtPercentile(99) / 1000.0)));
            errors.append(bar(step)).append(cell(kind == null ? "0" : Long.toString(kind.errors())));
            errorCount += kind == null ? 0 : kind.errors();
        }
        out.println(counts.append(String.format(Locale.ROOT, "   %8d  %10d", activeSessions, violations)));
        out.println(p99);
        linesSinceHeader += 2;
        if (errorCount > 0) {
            out.println(errors);
            linesSinceHeader++;
        }
        out.flush();
    }

    /** The summary: per kind count, rate, NO answers, errors and percentiles; then the totals and the rules broken. */
    void summary(LoadReport report) {
        out.println();
        out.printf(Locale.ROOT, "%-11s %9s %9s %7s %7s %9s %9s %9s %9s %9s%n", "command", "count", "per sec", "NO", "errors",
                "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms");
        for (LoadReport.Kind kind : report.kinds()) {
            LoadReport.Latency l = kind.latency();
            out.printf(Locale.ROOT, "%-11s %9d %9.1f %7d %7d %9.2f %9.2f %9.2f %9.2f %9.2f%n", kind.kind(), kind.count(),
                    kind.perSecond(), kind.refused(), kind.errorCount(), l.p50(), l.p90(), l.p99(), l.p999(), l.max());
            kind.errors().forEach((what, n) -> out.printf(Locale.ROOT, "            error: %s ×%d%n", what, n));
        }
        LoadReport.Totals t = report.totals();
        out.printf(Locale.ROOT, "%ntotal: %d commands, %d answered NO, %d errors, %d violations%n", t.commands(), t.refused(),
                t.errors(), t.violations());
        if (t.pushed() > 0) {
            out.printf(Locale.ROOT, "pushed during IDLE and checked: %d responses, %d of them EXISTS%n", t.pushed(),
                    t.pushedExists());
        }
        for (LoadReport.Rule rule : report.rules()) {
            if (rule.violations() > 0) {
                out.printf(Locale.ROOT, "%nVIOLATED %s (%s, %s): %s, %d time(s); the first:%n", rule.id(), rule.catalogId(),
                        rule.section(), rule.text(), rule.violations());
                rule.examples().stream().limit(3).forEach(e -> out.println("  " + e));
            }
        }
        out.flush();
    }

    private static String cell(String text) {
        String shown = text.length() > WIDTH - 1 ? text.substring(0, WIDTH - 1) : text;
        return " ".repeat(WIDTH - shown.length()) + shown;
    }
}
