package io.maildrill.cli;

import io.maildrill.report.escape.VisibleText;
import io.maildrill.report.model.EnvironmentInfo;
import io.maildrill.report.model.RunResult;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.report.model.TargetDescription;
import io.maildrill.run.ExecutorOptions;
import io.maildrill.run.Expectations;
import io.maildrill.run.ParsedScript;
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
    private final Path reportDir;
    private final PrintWriter out;

    ConformanceRun(Duration timeout, int jobs, Path reportDir, PrintWriter out) {
        this.timeout = timeout;
        this.jobs = jobs;
        this.reportDir = reportDir;
        this.out = out;
    }

    /** Runs, prints and writes the reports; returns the run. */
    RunResult run(Target target, String label, List<ParsedScript> scripts, Expectations expectations) {
        ServerCapabilities capabilities = CapabilityDiscovery.discover(target, timeout);
        TargetProtocols fit = TargetProtocols.select(target, scripts);
        List<String> facts = new ArrayList<>(capabilities.describe());
        facts.addAll(fit.facts());
        out.println("maildrill check: " + fit.runnable().size() + " scripts against " + target.describe());
        facts.forEach(fact -> out.println("  " + VisibleText.of(fact)));
        out.println("  expectations: " + expectations.source() + " (" + expectations.entries().size() + " known failures)");
        out.flush();

        Instant started = Instant.now();
        SuiteRunner runner = new SuiteRunner(target, new ExecutorOptions(timeout, timeout), expectations, jobs);
        ConsoleView view = new ConsoleView(out, fit.runnable().size());
        List<ScriptResult> results = runner.run(fit.runnable(), view);
        RunResult run = new RunResult(UUID.randomUUID().toString(), CheckCommand.VERSION, started, Instant.now(),
                new TargetDescription(label, endpoints(target), facts), results, EnvironmentInfo.current());
        view.summary(run);
        Path directory = reportDir.resolve(target.name());
        ReportFiles.write(run, directory);
        out.println();
        out.println("reports: " + directory.toAbsolutePath() + " (maildrill-report.html, maildrill-run.json, "
                + "maildrill-summary.md, TEST-*.xml)");
        out.flush();
        return run;
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
