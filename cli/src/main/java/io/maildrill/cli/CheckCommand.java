package io.maildrill.cli;

import io.maildrill.report.model.RunResult;
import io.maildrill.run.Expectations;
import io.maildrill.run.ParsedScript;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.Target;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    @Mixin
    RunOptions run;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "maildrill-reports",
            description = "Where the reports go, one sub-directory per target (default: ${DEFAULT-VALUE}).")
    File reportDir;

    @Mixin
    ExpectationsOptions known;

    @Spec
    CommandSpec spec;

    /** The embedded GreenMail's log, beside the reports of its run. */
    static final String SERVER_LOG = "greenmail.log";

    @Override
    public Integer call() {
        run.validated();
        known.validated(targetOptions.targetCount());
        List<ParsedScript> scripts = selection.load();
        PrintWriter out = spec.commandLine().getOut();
        boolean newFailures = false;
        if (!targetOptions.hasTargets()) {
            Path directory = reportDir.toPath().resolve(EmbeddedGreenMail.NAME);
            // before the log file is opened in it, so an unusable --report-dir gets its own message
            ReportFiles.requireWritable(directory);
            // Three accounts per parallel job: the most any bundled script declares.
            try (EmbeddedServerLog log = EmbeddedServerLog.open(directory.resolve(SERVER_LOG));
                 EmbeddedGreenMail embedded = EmbeddedGreenMail.start(Math.max(3, run.jobs * 3))) {
                newFailures = check(embedded.target(), EmbeddedGreenMail.NAME + " " + EmbeddedGreenMail.VERSION + " (embedded)",
                        scripts, out);
                out.println("the embedded server's own log: " + log.file().toAbsolutePath());
            }
        } else {
            for (Target target : targetOptions.resolveTargets(System.getenv())) {
                newFailures |= check(target, target.name(), scripts, out);
            }
        }
        return newFailures ? ExitCodes.FAILURES : ExitCodes.OK;
    }

    /** Runs one target; true when the run must fail (new failures, or fixed ones with --fail-fixed). */
    private boolean check(Target target, String label, List<ParsedScript> scripts, PrintWriter out) {
        ConformanceRun conformance = new ConformanceRun(run, reportDir.toPath(), out);
        Expectations expectations = known.forTarget(target.name());
        RunResult result = conformance.run(target, label, scripts, expectations);
        boolean fixedFail = known.afterRun(result, expectations, out);
        return result.summary().hasNewFailures() || fixedFail;
    }
}
