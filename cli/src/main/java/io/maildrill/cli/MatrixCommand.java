package io.maildrill.cli;

import io.maildrill.bench.report.BenchReportWriter;
import io.maildrill.bench.run.BenchOptions;
import io.maildrill.bench.run.BenchRunner;
import io.maildrill.bench.run.ServerComparison;
import io.maildrill.report.escape.VisibleText;
import io.maildrill.report.matrix.ConformanceMatrix;
import io.maildrill.report.matrix.MatrixFiles;
import io.maildrill.report.matrix.MatrixMarkdownWriter;
import io.maildrill.report.matrix.ServerColumn;
import io.maildrill.report.matrix.ServerPerformance;
import io.maildrill.report.model.RunResult;
import io.maildrill.run.ParsedScript;
import io.maildrill.suites.BundledExpectations;
import io.maildrill.target.Account;
import io.maildrill.target.TargetException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code maildrill matrix}: every suite against several real servers on loopback, side by side.
 * Starts each server that is not running through {@code servers/<name>/start}, runs the suites as
 * {@code check} does (each server graded by its own bundled expectations), stops what it started,
 * and writes {@code matrix.html}, {@code matrix.md}, {@code matrix.json} beside each server's own
 * report directory. With {@code --bench}, each server that ran the suites also gets a quick
 * benchmark run ({@link ServerComparison}) whose figures form the matrix's performance table; a
 * benchmark without a result shows as such and does not change the exit code. Exit 0 when nothing new failed anywhere, 1 on new failures, 2 when a server
 * could not be started or reached.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "Run every suite against several real servers and write a conformance matrix.")
final class MatrixCommand implements Callable<Integer> {

    static final List<String> ALL_SERVERS = List.of("dovecot", "cyrus", "courier", "mailutils", "james", "greenmail");
    private static final String README_BEGIN = "<!-- matrix:begin (written by ./maildrill matrix --update-readme) -->";
    private static final String README_END = "<!-- matrix:end -->";

    @Option(names = "--servers", paramLabel = "NAMES", split = ",",
            description = "Servers to compare, each with a servers/<name>/ directory (default: all six).")
    List<String> servers = new ArrayList<>(ALL_SERVERS);

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "maildrill-matrix",
            description = "Where the matrix and each server's report directory go (default: ${DEFAULT-VALUE}).")
    File reportDir;

    @Option(names = "--servers-dir", paramLabel = "DIR",
            description = "The servers/ directory of a maildrill checkout (default: the one beside the launcher).")
    File serversDir;

    /** --jobs N: a server started here gets 3 accounts per job, the most any bundled script declares. */
    @Mixin
    RunOptions run;

    @Option(names = "--keep-running", description = "Leave the servers this command started running.")
    boolean keepRunning;

    @Option(names = "--bench",
            description = "Also run a quick benchmark per server (" + ServerComparison.MAILBOX_SIZE + " messages: headers-only "
                    + "listing, APPEND, POP3 RETR of all, IDLE latency) and add a performance table. Filling the benchmark mailboxes "
                    + "takes minutes on fast servers and up to half an hour on slow ones.")
    boolean bench;

    @Option(names = "--update-readme", paramLabel = "FILE",
            description = "Replace the matrix summary between the matrix markers of this Markdown file.")
    File readme;

    @Mixin
    ScriptSelection selection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        run.validated();
        Path serverScripts = serversDirectory();
        for (String name : servers) {
            if (!new LocalServer(name, serverScripts, System.getenv()).hasScripts()) {
                throw new UserError("no servers/" + name + "/start and stop in " + serverScripts + " (known: "
                        + String.join(", ", ALL_SERVERS) + ")");
            }
        }
        List<ParsedScript> scripts = selection.load();
        PrintWriter out = spec.commandLine().getOut();
        Path root = reportDir.toPath();
        Map<String, String> env = System.getenv();
        List<ServerColumn> columns = new ArrayList<>();
        List<LocalServer> started = new ArrayList<>();
        boolean newFailures = false;
        boolean unreachable = false;
        try {
            for (String name : servers) {
                LocalServer server = new LocalServer(name, serverScripts, env);
                Path log = root.resolve(name + "-server.log");
                try {
                    if (!server.running()) {
                        out.println("matrix: starting " + name + " (servers/" + name + "/start, log " + log + ")");
                        out.flush();
                        started.add(server);
                        server.start(run.jobs * 3, log);
                    }
                    ConformanceRun check = new ConformanceRun(run, root, out);
                    RunResult result = check.run(server.target(), label(server), scripts, BundledExpectations.forTarget(name));
                    newFailures |= result.summary().hasNewFailures();
                    ServerColumn column = ServerColumn.ran(name, server.version(), result);
                    columns.add(bench ? column.withPerformance(benchmark(server, root, out)) : column);
                } catch (TargetException | io.maildrill.net.ProtocolException e) {
                    unreachable = true;
                    out.println("matrix: " + name + ": " + VisibleText.of(e.getMessage()));
                    columns.add(ServerColumn.failed(name, server.version(), e.getMessage()));
                }
                out.println();
            }
        } finally {
            if (!keepRunning) {
                for (LocalServer server : started) {
                    try {
                        server.stop(root.resolve(server.name() + "-server.log"));
                    } catch (TargetException e) {
                        out.println("matrix: " + VisibleText.of(e.getMessage()));
                    }
                }
            }
        }
        ConformanceMatrix matrix = new ConformanceMatrix(Instant.now(), columns);
        List<Path> files = MatrixFiles.write(matrix, root);
        out.println(MatrixMarkdownWriter.summary(matrix));
        files.forEach(f -> out.println("matrix: " + f.toAbsolutePath()));
        if (readme != null) {
            updateReadme(readme.toPath(), MatrixMarkdownWriter.summary(matrix));
            out.println("matrix: summary written into " + readme);
        }
        out.flush();
        return unreachable ? ExitCodes.USAGE_OR_CONNECTION : newFailures ? ExitCodes.FAILURES : ExitCodes.OK;
    }

    /** The quick benchmark run against {@code server}, into {@code <root>/<name>-bench}. */
    private static ServerPerformance benchmark(LocalServer server, Path root, PrintWriter out) {
        String dir = server.name() + "-bench";
        String link = dir + "/" + BenchReportWriter.HTML;
        List<String> users = server.target().accounts().stream().limit(2).map(Account::user).toList();
        out.println("matrix: benchmarking " + server.name() + " (" + ServerComparison.MAILBOX_SIZE + " messages, accounts "
                + String.join(", ", users) + ", report " + root.resolve(link) + ")");
        out.flush();
        try {
            BenchOptions options = ServerComparison.options(server.name(), users, root.resolve(dir));
            BenchRunner.Outcome outcome = BenchRunner.run(options, new PrintStream(OutputStream.nullOutputStream()));
            Path jmhLog = options.jmhLog().orElseThrow();
            List<String> jmhOutput = Files.exists(jmhLog) ? Files.readAllLines(jmhLog, StandardCharsets.UTF_8) : List.of();
            ServerPerformance figures = ServerComparison.figures(outcome.results(), jmhOutput, link);
            figures.figures().forEach(f -> out.println("  " + f.measure() + ": " + f.text()
                    + f.whyNone().map(why -> " (" + VisibleText.of(why) + ")").orElse("")));
            return figures;
        } catch (IOException | RunnerException e) {
            String problem = e instanceof RunnerException r ? BenchCommand.runnerProblem(r) : String.valueOf(e.getMessage());
            out.println("matrix: " + server.name() + ": benchmarks not run: " + VisibleText.of(problem));
            return ServerPerformance.failed(ServerComparison.MAILBOX_SIZE, link, problem);
        }
    }

    private static String label(LocalServer server) {
        return server.version().isBlank() ? server.name() : server.name() + " " + server.version();
    }

    private Path serversDirectory() {
        if (serversDir != null) {
            return serversDir.toPath();
        }
        String home = System.getenv("MAILDRILL_HOME");
        return home != null ? Path.of(home, "servers") : Path.of("servers");
    }

    /** Replaces what stands between the two markers, which must both be there. */
    static void updateReadme(Path file, String summary) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int begin = text.indexOf(README_BEGIN);
            int end = text.indexOf(README_END);
            if (begin < 0 || end < begin) {
                throw new UserError(file + " has no matrix markers: add the lines\n" + README_BEGIN + "\n" + README_END);
            }
            String updated = text.substring(0, begin + README_BEGIN.length()) + "\n" + summary + text.substring(end);
            Files.writeString(file, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file, e);
        }
    }
}
