package io.maildrill.cli;

import io.maildrill.run.Expectations;
import io.maildrill.run.ParsedScript;
import io.maildrill.suites.BundledExpectations;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.Target;
import java.io.File;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
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
        ConformanceRun run = new ConformanceRun(Duration.ofSeconds(timeoutSeconds), jobs, reportDir.toPath(), out);
        return run.run(target, label, scripts, expectations(target)).summary().hasNewFailures();
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

}
