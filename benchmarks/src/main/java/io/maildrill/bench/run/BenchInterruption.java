package io.maildrill.bench.run;

import io.maildrill.bench.report.BenchReportWriter;
import io.maildrill.report.model.BenchmarkResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a bench run does when it is stopped in the middle (Ctrl-C, a CI job's kill): a shutdown
 * hook that stops the forked benchmark JVMs with it (JMH's forks otherwise notice their parent is
 * gone only seconds later), removes the JSON file the cut JMH run left empty, and writes the
 * report of the runs that had finished, saying that it was interrupted.
 */
final class BenchInterruption {

    /** How long forks get to exit on SIGTERM before they are killed. */
    private static final Duration FORK_GRACE = Duration.ofSeconds(3);

    private final BenchOptions options;
    private final Instant started;
    private final PrintStream out;
    private final Thread hook = new Thread(this::interrupted, "maildrill-bench-interrupted");
    private final List<BenchmarkResult> finished = new ArrayList<>();
    private int finishedRuns;
    private Path running;
    private String runningWhat = "";
    private boolean done;
    private boolean interrupted;

    BenchInterruption(BenchOptions options, Instant started, PrintStream out) {
        this.options = options;
        this.started = started;
        this.out = out;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    synchronized void starting(Path json, String what) {
        running = json;
        runningWhat = what;
    }

    synchronized void finished(List<BenchmarkResult> results) {
        finished.addAll(results);
        finishedRuns++;
        running = null;
    }

    /**
     * The runs are over. Exactly one of this and the shutdown hook gets to write the report:
     * returns false when the hook has begun (the runs ended because their forks were stopped), and
     * the caller then writes nothing, so the interrupted report stays.
     */
    synchronized boolean completed() {
        if (interrupted) {
            return false;
        }
        done = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; the hook sees done and does nothing
        }
        return true;
    }

    private void interrupted() {
        List<BenchmarkResult> results;
        Path cut;
        String what;
        int runs;
        synchronized (this) {
            if (done) {
                return;
            }
            interrupted = true;
            results = List.copyOf(finished);
            cut = running;
            what = runningWhat;
            runs = finishedRuns;
        }
        stopForks();
        try {
            if (cut != null && Files.exists(cut) && Files.size(cut) == 0) {
                Files.delete(cut);
            }
            BenchReportWriter.write(results, new BenchReportWriter.RunInfo(options.target(), List.of(options.target()), started,
                    Instant.now(), List.of("Interrupted" + (what.isEmpty() ? "" : " during " + what) + ": this report holds the "
                    + runs + " JMH run(s) that had finished.")), options.reportDir());
            out.println("maildrill bench: interrupted; benchmark JVMs stopped; the report of the " + runs
                    + " finished run(s) is in " + options.reportDir());
        } catch (IOException | RuntimeException e) {
            out.println("maildrill bench: interrupted; could not write the partial report to " + options.reportDir() + ": " + e.getMessage());
        }
        out.flush();
    }

    /** SIGTERM to every process this JVM started, then SIGKILL to those still there after the grace time. */
    private static void stopForks() {
        List<ProcessHandle> forks = ProcessHandle.current().descendants().toList();
        forks.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + FORK_GRACE.toNanos();
        for (ProcessHandle fork : forks) {
            try {
                fork.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception stillThere) {
                fork.destroyForcibly();
            }
        }
    }
}
