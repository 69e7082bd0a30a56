package io.maildrill.cli;

import io.maildrill.report.escape.VisibleText;
import io.maildrill.report.model.EnvironmentInfo;
import io.maildrill.report.model.RunResult;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.report.model.TargetDescription;
import io.maildrill.run.ExecutorOptions;
import io.maildrill.run.Expectations;
import io.maildrill.run.ParsedScript;
import io.maildrill.run.SuiteListener;
import io.maildrill.run.SuiteRunner;
import io.maildrill.run.TargetProtocols;
import io.maildrill.target.CapabilityDiscovery;
import io.maildrill.target.ServerCapabilities;
import io.maildrill.target.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * One conformance run against one target, as {@code check} and {@code matrix} do it: discovery
 * (reachability, capability lists), the scripts the target's protocols allow, live console lines,
 * the summary, and the report files in {@code <report-dir>/<target name>/}.
 */
final class ConformanceRun {

    private final Duration timeout;
    private final int jobs;
    private final boolean longChecks;
    private final Path reportDir;
    private final PrintWriter out;

    ConformanceRun(RunOptions run, Path reportDir, PrintWriter out) {
        this.timeout = run.timeout();
        this.jobs = run.jobs;
        this.longChecks = run.longChecks;
        this.reportDir = reportDir;
        this.out = out;
    }

    /** Runs, prints and writes the reports; returns the run. */
    RunResult run(Target target, String label, List<ParsedScript> scripts, Expectations expectations) {
        Path directory = reportDir.resolve(target.name());
        ReportFiles.requireWritable(directory); // found now, not after the whole run
        ServerCapabilities capabilities = CapabilityDiscovery.discover(target, timeout);
        TargetProtocols fit = TargetProtocols.select(target, scripts);
        List<String> facts = new ArrayList<>(capabilities.describe());
        facts.addAll(fit.facts());
        out.println("maildrill check: " + fit.runnable().size() + " scripts against " + target.describe());
        facts.forEach(fact -> out.println("  " + VisibleText.of(fact)));
        out.println("  expectations: " + expectations.source() + " (" + expectations.entries().size() + " known failures)");
        out.flush();

        Instant started = Instant.now();
        ExecutorOptions options = new ExecutorOptions(timeout, timeout);
        SuiteRunner runner = new SuiteRunner(target, longChecks ? options.withLongChecks() : options, expectations, jobs);
        ConsoleView view = new ConsoleView(out, fit.runnable().size());
        List<ScriptResult> finished = Collections.synchronizedList(new ArrayList<>());
        SuiteListener listener = new SuiteListener() {
            @Override
            public void finished(ScriptResult result) {
                finished.add(result);
                view.finished(result);
            }
        };
        // Ctrl-C (or a kill) in the middle of a run: what finished is written before the JVM exits
        Thread partial = new Thread(() -> writePartial(target, label, facts, started, finished, fit.runnable().size(), directory),
                "maildrill-partial-report");
        Runtime.getRuntime().addShutdownHook(partial);
        List<ScriptResult> results;
        try {
            results = runner.run(fit.runnable(), listener);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(partial);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
        RunResult run = new RunResult(UUID.randomUUID().toString(), CheckCommand.VERSION, started, Instant.now(),
                new TargetDescription(label, endpoints(target), facts), results, EnvironmentInfo.current());
        view.summary(run);
        ReportFiles.write(run, directory);
        out.println();
        out.println("reports: " + directory.toAbsolutePath() + " (maildrill-report.html, maildrill-run.json, "
                + "maildrill-summary.md, TEST-*.xml)");
        out.flush();
        return run;
    }

    private void writePartial(Target target, String label, List<String> facts, Instant started, List<ScriptResult> finished,
                              int total, Path directory) {
        List<ScriptResult> done;
        synchronized (finished) {
            done = List.copyOf(finished);
        }
        List<String> withNote = new ArrayList<>(facts);
        withNote.add("interrupted: " + done.size() + " of " + total + " scripts had finished; the others did not run");
        RunResult run = new RunResult(UUID.randomUUID().toString(), CheckCommand.VERSION, started, Instant.now(),
                new TargetDescription(label, endpoints(target), withNote), done, EnvironmentInfo.current());
        try {
            ReportFiles.write(run, directory);
            out.println();
            out.println("maildrill check: interrupted; reports of the " + done.size() + " of " + total
                    + " scripts that finished: " + directory.toAbsolutePath());
        } catch (RuntimeException e) {
            out.println("maildrill check: interrupted; the partial reports could not be written: " + e.getMessage());
        }
        out.flush();
    }

    private static List<String> endpoints(Target target) {
        List<String> endpoints = new ArrayList<>();
        target.imap().ifPresent(e -> endpoints.add("imap://" + e.host() + ":" + e.port() + tlsSuffix(e)));
        target.pop3().ifPresent(e -> endpoints.add("pop3://" + e.host() + ":" + e.port() + tlsSuffix(e)));
        return endpoints;
    }

    private static String tlsSuffix(io.maildrill.net.Endpoint e) {
        return switch (e.tls()) {
            case NONE -> "";
            case IMPLICIT -> " (TLS)";
            case STARTTLS -> " (STARTTLS)";
        };
    }
}
