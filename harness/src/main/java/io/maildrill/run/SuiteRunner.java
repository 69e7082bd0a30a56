package io.maildrill.run;

import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.target.Account;
import io.maildrill.target.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a set of parsed scripts against one target: in parallel (bounded by {@code jobs} and by
 * the accounts available), each on accounts of its own, and grades every result against the
 * server's expectations file: a listed failure that fails is EXPECTED_FAILURE, a listed one that
 * passes is FIXED, a listed one that ends in an error stays an ERROR (the deviation was not seen). Scripts that would change mailboxes run only on test accounts.
 */
public final class SuiteRunner {

    private final Target target;
    private final ScriptExecutor executor;
    private final Expectations expectations;
    private final int jobs;

    public SuiteRunner(Target target, ExecutorOptions options, Expectations expectations, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs: " + jobs + " (expected: >= 1)");
        }
        this.target = target;
        this.executor = new ScriptExecutor(target, options);
        this.expectations = expectations;
        this.jobs = jobs;
    }

    /** Runs every script and returns the graded results in the order given. */
    public List<ScriptResult> run(List<ParsedScript> scripts, SuiteListener listener) {
        AccountPool pool = new AccountPool(target.accounts());
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, pool.size())), r -> {
            Thread t = new Thread(r, "maildrill-script");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ScriptResult>> futures = new ArrayList<>();
            for (ParsedScript script : scripts) {
                futures.add(workers.submit(() -> runOne(script, pool, listener)));
            }
            List<ScriptResult> results = new ArrayList<>();
            for (Future<ScriptResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new IllegalStateException("script runner failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            workers.shutdownNow();
        }
    }

    private ScriptResult runOne(ParsedScript script, AccountPool pool, SuiteListener listener) throws InterruptedException {
        listener.started(script.id());
        ScriptResult result = precondition(script, pool).orElse(null);
        if (result == null) {
            List<Account> accounts = pool.lease(script.accountsNeeded());
            try {
                result = executor.execute(script.id(), script.script(), accounts);
            } catch (RuntimeException e) {
                // The executor reports server misbehaviour as results; an exception here is a harness bug,
                // which must not take the other scripts down with it.
                result = Results.error(script, "harness error: " + e, Duration.ZERO);
            } finally {
                pool.giveBack(accounts);
            }
        }
        ScriptResult graded = grade(result);
        listener.finished(graded);
        return graded;
    }

    private Optional<ScriptResult> precondition(ParsedScript script, AccountPool pool) {
        if (script.accountsNeeded() > pool.size()) {
            return Optional.of(Results.skipped(script, "needs " + script.accountsNeeded() + " accounts; the target has "
                    + pool.size() + " (add --user)"));
        }
        boolean allTest = target.accounts().stream().allMatch(Account::testAccount);
        if (script.changesMailboxes() && !allTest) {
            return Optional.of(Results.skipped(script, "changes mailbox contents; run with --test-accounts on disposable accounts"));
        }
        return Optional.empty();
    }

    private ScriptResult grade(ScriptResult result) {
        Optional<Expectations.KnownFailure> known = expectations.lookup(result.scriptId());
        if (known.isEmpty()) {
            return result;
        }
        String reason = known.get().reason() + " (" + expectations.source() + ":" + known.get().line() + ")";
        return switch (result.outcome()) {
            case FAILED -> Results.withOutcome(result, Outcome.EXPECTED_FAILURE, reason);
            // An error means the script never reached its check (a setup step, the run's own
            // configuration, a connection): the listed deviation was not observed, so the error
            // stays what it is, with the listing named beside it.
            case ERROR -> Results.withOutcome(result, Outcome.ERROR, result.reason().orElse("error")
                    + " (listed as a known failure, but the script ended before its check: " + reason + ")");
            case PASSED -> Results.withOutcome(result, Outcome.FIXED, "listed as known failure but passed: " + reason);
            default -> result;
        };
    }
}
