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
import io.maildrill.suites.BundledExpectations;
import io.maildrill.target.CapabilityDiscovery;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.ServerCapabilities;
import io.maildrill.target.Target;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code maildrill check}: runs the conformance scripts against each target (the embedded
 * GreenMail when none is given), shows them live, summarises per promise and protocol, and
 * writes JUnit XML, JSON, HTML and Markdown reports. Exit 0 when nothing new failed, 1 when
 * something did, 2 for usage or connection errors.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the conformance suites against a server and report what it keeps and breaks.")
final class CheckCommand implements Callable<Integer> {

    static final String VERSION = "0.1.0";

    @Mixin
    TargetOptions targetOptions;

    @Mixin
    ScriptSelection selection;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "4",
            description = "Scripts run in parallel, each on accounts of its own (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "maildrill-reports",
            description = "Where the reports go, one sub-directory per target (default: ${DEFAULT-VALUE}).")
    File reportDir;

    @Option(names = "--expectations", paramLabel = "FILE",
            description = "Known failures of the server (default: the bundled file named after the target, if any).")
    File expectationsFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Default bound on every wait for the server (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (jobs < 1 || timeoutSeconds < 1) {
            throw new UserError("--jobs and --timeout must be at least 1");
        }
        List<ParsedScript> scripts = selection.load();
        PrintWriter out = spec.commandLine().getOut();
        boolean newFailures = false;
        if (!targetOptions.hasTargets()) {
            // Three accounts per parallel job: the most any bundled script declares.
            try (EmbeddedGreenMail embedded = EmbeddedGreenMail.start(Math.max(3, jobs * 3))) {
                newFailures = check(embedded.target(), EmbeddedGreenMail.NAME + " " + EmbeddedGreenMail.VERSION + " (embedded)",
                        scripts, out);
            }
        } else {
            for (Target target : targetOptions.resolveTargets(System.getenv())) {
                newFailures |= check(target, target.name(), scripts, out);
            }
        }
        return newFailures ? ExitCodes.FAILURES : ExitCodes.OK;
    }

    private boolean check(Target target, String label, List<ParsedScript> scripts, PrintWriter out) {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        ServerCapabilities capabilities = CapabilityDiscovery.discover(target, timeout);
        TargetProtocols fit = TargetProtocols.select(target, scripts);
        List<String> facts = new ArrayList<>(capabilities.describe());
        facts.addAll(fit.facts());
        out.println("maildrill check: " + fit.runnable().size() + " scripts against " + target.describe());
        facts.forEach(fact -> out.println("  " + VisibleText.of(fact)));
        Expectations expectations = expectations(target);
        out.println("  expectations: " + expectations.source() + " (" + expectations.entries().size() + " known failures)");
        out.flush();

        Instant started = Instant.now();
        SuiteRunner runner = new SuiteRunner(target, new ExecutorOptions(timeout, timeout), expectations, jobs);
        ConsoleView view = new ConsoleView(out, fit.runnable().size());
        List<ScriptResult> results = runner.run(fit.runnable(), view);
        RunResult run = new RunResult(UUID.randomUUID().toString(), VERSION, started, Instant.now(),
                new TargetDescription(label, endpoints(target), facts), results, EnvironmentInfo.current());
        view.summary(run);
        Path directory = reportDir.toPath().resolve(target.name());
        ReportFiles.write(run, directory);
        out.println();
        out.println("reports: " + directory.toAbsolutePath() + " (maildrill-report.html, maildrill-run.json, "
                + "maildrill-summary.md, TEST-*.xml)");
        out.flush();
        return run.summary().hasNewFailures();
    }

    private Expectations expectations(Target target) {
        if (expectationsFile != null) {
            try {
                return Expectations.read(expectationsFile.toPath());
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        return BundledExpectations.forTarget(target.name());
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
