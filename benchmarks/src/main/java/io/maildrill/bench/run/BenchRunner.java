package io.maildrill.bench.run;

import io.maildrill.bench.report.BenchReportWriter;
import io.maildrill.bench.report.BenchTables;
import io.maildrill.bench.report.JmhResults;
import io.maildrill.bench.support.BenchParams;
import io.maildrill.bench.support.BenchTargets;
import io.maildrill.report.model.BenchmarkResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the selected workloads through JMH's {@link Runner} (one run per thread count and mailbox
 * size, each writing {@code jmh-threadsT[-SIZE].json}), converts
 * JMH's JSON into {@link BenchmarkResult}s and writes the report pages. Progress is JMH's own
 * console output ({@code # Run progress: 40% complete, ETA ...}), without stack-trace frames
 * ({@link JmhConsole}); all of it is in {@code jmh.log} beside the report.
 *
 * <p>Default timing: 1 fork, 2 warm-up iterations of 2 s, 3 measured iterations of 3 s; with
 * {@code quick}: 1 warm-up of 1 s, 2 measured of 1 s. Single-shot benchmarks (the POP3 drain,
 * provisioning) run 1 warm-up and 3 (quick: 2) measured invocations. Benchmarks that are
 * single-threaded by nature (decoder, corpus, drain, provisioning) are left out of runs with
 * more than one thread.
 */
public final class BenchRunner {

    /** Benchmarks that must not run with several threads (shared account or defined as single-threaded). */
    static final String SINGLE_THREADED = ".*\\.(Pop3DrainBench|ProvisionBench|DecoderBench|CorpusBench)\\..*";
    /** The Jakarta Mail baselines, left out when {@link BenchOptions#baselines()} is false. */
    static final String BASELINES = "^io\\.maildrill\\.bench\\.jakarta\\..*";

    private BenchRunner() {
    }

    /**
     * What a run produced: converted results, JMH's JSON files, notes for the report, and the
     * selected benchmarks that produced no result (each threw: wrong bytes, a refusal, a timeout).
     */
    public record Outcome(List<BenchmarkResult> results, List<Path> jsonFiles, List<String> notes, List<String> withoutResult) {
    }

    public static Outcome run(BenchOptions options, PrintStream out) throws IOException, RunnerException {
        Files.createDirectories(options.reportDir());
        Instant started = Instant.now();
        List<BenchmarkResult> results = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        BenchInterruption interruption = new BenchInterruption(options, started, out);
        // with a log of its own (matrix), JMH writes only there; otherwise beside the report, and
        // the console gets it without stack-trace frames
        Optional<JmhConsole> console = options.jmhLog().isPresent() ? Optional.empty()
                : Optional.of(JmhConsole.open(out, options.reportDir().resolve(JmhConsole.LOG)));
        boolean completed;
        try {
            runAll(options, out, console, results, files, failed, interruption);
        } finally {
            completed = interruption.completed();
            if (console.isPresent()) {
                console.get().close();
            }
        }
        if (!completed) {
            // stopped by Ctrl-C or a kill: the shutdown hook writes the report of what had finished
            return new Outcome(results, files, List.of(), failed);
        }
        List<String> notes = new ArrayList<>();
        if (!failed.isEmpty()) {
            notes.add("No result (the benchmark threw: wrong bytes, a protocol error or a timeout; the console shows why, "
                    + JmhConsole.LOG + " the whole stack trace) for: "
                    + String.join(", ", failed) + ".");
        }
        if (BenchTargets.EMBEDDED.equals(options.target())) {
            notes.add("Target: GreenMail embedded in each benchmark JVM (client and server share the CPU).");
            notes.addAll(ScalingNotes.find(results, "GreenMail"));
        }
        if (options.quick()) {
            notes.add("Quick run (--quick): short warm-up and measurement; figures are indicative only.");
        }
        BenchReportWriter.write(results, new BenchReportWriter.RunInfo(options.target(), List.of(options.target()), started,
                Instant.now(), notes), options.reportDir());
        out.println();
        out.println(BenchTables.clientRatios(results));
        out.println(BenchTables.perWorkload(results));
        notes.forEach(n -> out.println("note: " + n));
        out.println("maildrill bench: wrote " + options.reportDir().resolve(BenchReportWriter.HTML) + ", "
                + options.reportDir().resolve(BenchReportWriter.MARKDOWN) + " and " + files.size() + " JMH JSON file(s)");
        return new Outcome(results, files, notes, failed);
    }

    private static void runAll(BenchOptions options, PrintStream out, Optional<JmhConsole> console,
                               List<BenchmarkResult> results, List<Path> files,
                               List<String> failed, BenchInterruption interruption) throws IOException, RunnerException {
        for (int threads : options.threads()) {
            // One JMH run per mailbox size: a POP3 fixture occupies the account's INBOX, so running all
            // workloads of one size together provisions it once instead of once per benchmark.
            for (int size : options.sizes()) {
                String suffix = options.sizes().size() > 1 ? "-" + size : "";
                Path json = options.reportDir().resolve("jmh-threads" + threads + suffix + ".json");
                ChainedOptionsBuilder builder = jmhOptions(options, threads, size, json);
                out.println("maildrill bench: " + options.target() + ", " + size + " messages, " + threads + " thread(s)");
                List<String> selected = missing(options, threads, List.of());
                if (selected.isEmpty()) {
                    out.println("maildrill bench: no benchmark matched " + options.workloads() + " with " + threads + " thread(s)");
                    continue;
                }
                interruption.starting(json, size + " messages, " + threads + " thread(s)");
                // JMH returns no results both when nothing matched and when every selected benchmark
                // threw; only the first is a quiet gap, so the selection was checked above
                Runner runner = console.isPresent() ? new Runner(builder.build(), console.get().format())
                        : new Runner(builder.build());
                boolean anyResult = !runner.run().isEmpty();
                List<BenchmarkResult> run = anyResult ? JmhResults.read(json) : List.of();
                if (anyResult) {
                    files.add(json);
                }
                results.addAll(run);
                interruption.finished(run);
                failed.addAll(missing(options, threads, run).stream().map(m -> m + " at " + size).toList());
            }
        }
    }

    /** The workload (method) names the options select, for any thread count; empty when no glob matches. */
    public static List<String> selectedWorkloads(BenchOptions options) {
        return benchmarks(List.of(WorkloadGlobs.toRegex(options.workloads())), excludes(options, options.threads().get(0)))
                .stream().map(BenchRunner::method).distinct().sorted().toList();
    }

    /** Every workload name there is. */
    public static List<String> knownWorkloads() {
        return benchmarks(List.of(".*"), List.of()).stream().map(BenchRunner::method).distinct().sorted().toList();
    }

    private static java.util.Collection<BenchmarkListEntry> benchmarks(List<String> includes, List<String> excludes) {
        return BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                includes, excludes);
    }

    private static String method(BenchmarkListEntry entry) {
        String name = entry.getUsername();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Benchmark and mode pairs that were selected but produced no result at all (every trial threw). */
    static List<String> missing(BenchOptions options, int threads, List<BenchmarkResult> results) {
        Set<String> produced = new HashSet<>();
        results.forEach(r -> produced.add(r.benchmark() + " " + r.mode()));
        List<String> missing = new ArrayList<>();
        for (BenchmarkListEntry entry : benchmarks(List.of(WorkloadGlobs.toRegex(options.workloads())), excludes(options, threads))) {
            String key = entry.getUsername() + " " + entry.getMode().shortLabel();
            if (!produced.contains(key)) {
                String name = entry.getUsername();
                missing.add(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1) + " (" + entry.getMode().shortLabel()
                        + (threads > 1 ? ", " + threads + " threads" : "") + ")");
            }
        }
        return missing;
    }

    private static List<String> excludes(BenchOptions options, int threads) {
        List<String> excludes = new ArrayList<>();
        if (threads > 1) {
            excludes.add(SINGLE_THREADED);
        }
        if (!options.baselines()) {
            excludes.add(BASELINES);
        }
        return excludes;
    }

    static ChainedOptionsBuilder jmhOptions(BenchOptions options, int threads, int size, Path json) {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(WorkloadGlobs.toRegex(options.workloads()))
                .threads(threads)
                .forks(options.forks())
                .shouldFailOnError(false)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .verbosity(VerboseMode.NORMAL)
                .param(BenchParams.TARGET, options.target())
                .param(BenchParams.MAILBOX_SIZE, String.valueOf(size))
                .param(BenchParams.PROFILE, options.profile());
        options.jmhLog().ifPresent(log -> b.output(log.toString()));
        excludes(options, threads).forEach(b::exclude);
        // the full run's warm-up and measurement are the benchmark classes' own (@Warmup, @Measurement),
        // so a benchmark started from an IDE or with java -jar runs as it does here
        if (options.quick()) {
            b.warmupIterations(1).warmupTime(TimeValue.seconds(1)).measurementIterations(2).measurementTime(TimeValue.seconds(1))
                    .warmupBatchSize(1).measurementBatchSize(1).param("connections", "4").param("drainSize", "200");
        }
        List<String> jvmArgs = new ArrayList<>();
        jvmArgs.add("-Xmx" + options.forkHeap());
        for (Map.Entry<String, String> e : options.forkProperties().entrySet()) {
            jvmArgs.add("-D" + e.getKey() + "=" + e.getValue());
            if (options.forks() == 0) {
                System.setProperty(e.getKey(), e.getValue());
            }
        }
        b.jvmArgsAppend(jvmArgs.toArray(String[]::new));
        return b;
    }
}
