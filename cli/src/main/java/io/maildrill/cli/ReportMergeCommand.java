package io.maildrill.cli;

import io.maildrill.load.IntervalLog;
import io.maildrill.load.ShardMerge;
import io.maildrill.load.ShardMismatchException;
import io.maildrill.report.load.LoadJsonWriter;
import io.maildrill.report.load.LoadReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code maildrill report merge --out DIR SHARD_DIR...}: the report directories of a sharded
 * {@code load} run as one run's: {@code load.json} with counts summed and percentiles from the
 * shards' histograms added together, the merged {@code load.hlog}, and the JUnit XML. Exit 1 when
 * the merged run broke a rule or passed {@code --max-errors}, 2 when the inputs do not fit together.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge the report directories of load shards (load.json + load.hlog each) into one report.")
final class ReportMergeCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the merged reports go.")
    Path out;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "0",
            description = "Errors of all shards together allowed before the exit code is 1 (default: ${DEFAULT-VALUE}).")
    long maxErrors;

    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "A shard's --report-dir of maildrill load.")
    List<Path> shardDirs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        if (maxErrors < 0) {
            throw new UserError("--max-errors must be at least 0");
        }
        List<ShardMerge.Shard> shards = new ArrayList<>();
        for (Path dir : shardDirs) {
            if (dir.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new UserError("--out " + out + " is one of the shard directories; the merge would overwrite its reports");
            }
            shards.add(read(dir));
        }
        ShardMerge.Merged merged;
        try {
            merged = ShardMerge.merge(shards);
        } catch (ShardMismatchException e) {
            throw new UserError(e.getMessage());
        }
        LoadReport report = merged.report();
        writeLog(merged, Instant.parse(report.start()));
        LoadReportFiles.write(report, maxErrors, out, "--out");
        console.printf("merged %d report(s) of shards %s, %s .. %s%n", shards.size(), String.join(", ", report.shards()),
                report.start(), report.end());
        new LoadConsole(console, Instant.parse(report.start())).summary(report);
        console.println("reports: " + out.toAbsolutePath());
        return LoadCommand.verdict(report, maxErrors, console);
    }

    private static ShardMerge.Shard read(Path dir) {
        Path json = dir.resolve("load.json");
        Path hlog = dir.resolve(IntervalLog.FILE);
        for (Path file : List.of(json, hlog)) {
            if (!Files.isReadable(file)) {
                throw new UserError(file + ": missing or not readable (not a report directory of maildrill load?)");
            }
        }
        LoadReport report;
        try {
            report = LoadJsonWriter.read(json);
        } catch (IOException e) {
            throw new UserError(json + ": not a load report (" + describe(e) + ")");
        }
        List<Histogram> intervals;
        try {
            intervals = IntervalLog.read(hlog);
        } catch (IOException e) {
            throw new UserError(hlog + ": " + firstLine(e.getMessage()));
        }
        return new ShardMerge.Shard(json, hlog, report, intervals);
    }

    private void writeLog(ShardMerge.Merged merged, Instant start) {
        try (IntervalLog log = new IntervalLog(out, start)) {
            merged.intervals().forEach(log::write);
        } catch (IOException e) {
            throw new UserError("cannot write to --out " + out + ": " + e.getMessage());
        }
    }

    /** What is wrong with a load.json, without the reader's class names. */
    private static String describe(IOException e) {
        if (e.getCause() instanceof NullPointerException missing) {
            // the records' constructors name a missing field; List.copyOf names none
            return missing.getMessage() == null ? "a field is missing" : "no \"" + missing.getMessage() + "\"";
        }
        return firstLine(e.getMessage()).replaceAll("[\\w.$]*Exception:? ?", "");
    }

    /** Jackson's messages go on for lines (source, path); the first says what is wrong. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
