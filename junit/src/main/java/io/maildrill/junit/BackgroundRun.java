package io.maildrill.junit;

import io.maildrill.report.model.ScriptResult;
import io.maildrill.run.ExecutorOptions;
import io.maildrill.run.Expectations;
import io.maildrill.run.ParsedScript;
import io.maildrill.run.SuiteListener;
import io.maildrill.run.SuiteRunner;
import io.maildrill.target.Target;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The selected scripts running on a thread of their own while JUnit reports them: the
 * {@link SuiteRunner} that {@code maildrill check} uses, a result per script as it finishes, and
 * one deadline for the whole run, so a test never waits longer than the run may take.
 */
final class BackgroundRun {

    private final Map<String, CompletableFuture<ScriptResult>> results;
    private final long deadlineNanos;
    private final Duration runTimeout;

    private BackgroundRun(Map<String, CompletableFuture<ScriptResult>> results, Duration runTimeout) {
        this.results = results;
        this.runTimeout = runTimeout;
        this.deadlineNanos = System.nanoTime() + runTimeout.toNanos();
    }

    static BackgroundRun start(Target target, List<ParsedScript> scripts, ExecutorOptions options, Expectations expectations,
                               int jobs, Duration runTimeout) {
        Map<String, CompletableFuture<ScriptResult>> results = new LinkedHashMap<>();
        scripts.forEach(script -> results.put(script.id(), new CompletableFuture<>()));
        BackgroundRun run = new BackgroundRun(Map.copyOf(results), runTimeout);
        SuiteRunner runner = new SuiteRunner(target, options, expectations, jobs);
        SuiteListener listener = new SuiteListener() {
            @Override
            public void finished(ScriptResult result) {
                results.get(result.scriptId()).complete(result);
            }
        };
        Thread thread = new Thread(() -> {
            try {
                runner.run(scripts, listener);
            } catch (RuntimeException e) {
                results.values().forEach(future -> future.completeExceptionally(e));
            }
        }, "maildrill-conformance");
        // a test run that ends early (a cancelled IDE run) must not wait for the scripts
        thread.setDaemon(true);
        thread.start();
        return run;
    }

    /** The graded result of one script, waiting at most until the run's deadline. */
    ScriptResult await(String scriptId) throws ScriptNotFinished {
        CompletableFuture<ScriptResult> future = results.get(scriptId);
        if (future == null) {
            throw new IllegalArgumentException("not part of this run: " + scriptId);
        }
        try {
            return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ScriptNotFinished(scriptId + " had not finished when the run's " + runTimeout.toSeconds()
                    + " s were up (MaildrillConformance.runTimeout)");
        } catch (ExecutionException e) {
            throw new ScriptNotFinished("the run ended before " + scriptId + " finished: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScriptNotFinished("interrupted while waiting for " + scriptId);
        }
    }

    /** A script whose result never came: the run's deadline passed or the runner itself failed. */
    static final class ScriptNotFinished extends Exception {
        ScriptNotFinished(String message) {
            super(message);
        }
    }
}
