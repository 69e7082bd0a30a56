package io.maildrill.cli;

import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.OutcomeCounts;
import io.maildrill.report.model.Protocol;
import io.maildrill.report.model.RunResult;
import io.maildrill.report.model.RunSummary;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.run.SuiteListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The console side of {@code maildrill check}: one line per script as it finishes (live, from
 * the worker threads), then the summary per promise and per protocol and the details of every
 * new failure.
 */
final class ConsoleView implements SuiteListener {

    private final PrintWriter out;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();

    ConsoleView(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
    }

    @Override
    public void finished(ScriptResult result) {
        int n = done.incrementAndGet();
        String detail = switch (result.outcome()) {
            case PASSED -> "";
            case FAILED -> result.failure().map(f -> "  " + f.location() + ": " + oneLine(f.summary())).orElse("");
            default -> result.reason().map(r -> "  " + oneLine(r)).orElse("");
        };
        synchronized (out) {
            out.printf(Locale.ROOT, "[%3d/%d] %-9s %-58s %6d ms%s%n", n, total, badge(result.outcome()), result.scriptId(),
                    result.duration().toMillis(), detail);
            out.flush();
        }
    }

    void summary(RunResult run) {
        RunSummary summary = run.summary();
        out.println();
        out.println("Summary for " + run.target().description());
        out.printf(Locale.ROOT, "  %-22s %5s %6s %6s %8s %6s %7s%n", "promise", "pass", "fail", "error", "expected", "fixed", "skipped");
        for (Map.Entry<String, OutcomeCounts> e : summary.byPromise().entrySet()) {
            row(e.getKey(), e.getValue());
        }
        for (Map.Entry<Protocol, OutcomeCounts> e : summary.byProtocol().entrySet()) {
            row("protocol " + e.getKey(), e.getValue());
        }
        row("all", summary.total());
        long newFailures = run.scripts().stream().filter(s -> s.outcome().isNewFailure()).count();
        if (newFailures > 0) {
            out.println();
            out.println(newFailures + " new failure(s):");
            for (ScriptResult s : run.scripts()) {
                if (s.outcome().isNewFailure()) {
                    out.println("- " + s.scriptId() + " [" + String.join(" ", s.catalogIds()) + "] " + s.level().label());
                    s.failure().ifPresentOrElse(f -> out.println(indent(f.describe())),
                            () -> s.reason().ifPresent(r -> out.println("    " + r)));
                }
            }
        }
        out.flush();
    }

    private void row(String name, OutcomeCounts c) {
        out.printf(Locale.ROOT, "  %-22s %5d %6d %6d %8d %6d %7d%n", name, c.count(Outcome.PASSED), c.count(Outcome.FAILED),
                c.count(Outcome.ERROR), c.count(Outcome.EXPECTED_FAILURE), c.count(Outcome.FIXED), c.count(Outcome.SKIPPED));
    }

    private static String badge(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "PASS";
            case FAILED -> "FAIL";
            case ERROR -> "ERROR";
            case SKIPPED -> "SKIP";
            case EXPECTED_FAILURE -> "KNOWN";
            case FIXED -> "FIXED";
        };
    }

    private static String oneLine(String text) {
        String line = text.replace('\n', ' ').replace('\r', ' ');
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }
}
