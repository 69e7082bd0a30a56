package io.maildrill.junit;

import io.maildrill.report.model.ScriptResult;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * A script's outcome as a JUnit outcome, the way CI reads it: a new failure or an error fails the
 * test with the whole failure text; a known deviation and a skip abort it with their reason; a
 * pass passes; a listed deviation that passed ("fixed") passes with a note, or fails when the
 * caller wants the expectations file kept current.
 */
final class ScriptVerdict {

    private final boolean failWhenFixed;

    ScriptVerdict(boolean failWhenFixed) {
        this.failWhenFixed = failWhenFixed;
    }

    void report(ScriptResult result) {
        String reason = result.reason().orElse("");
        switch (result.outcome()) {
            case PASSED -> { }
            case FIXED -> {
                if (failWhenFixed) {
                    throw new AssertionFailedError(result.scriptId() + " passed, but it is " + reason
                            + ": remove that line from the expectations file");
                }
                System.out.println(result.scriptId() + ": " + reason);
            }
            case SKIPPED -> Assumptions.abort("skipped: " + reason);
            case EXPECTED_FAILURE -> Assumptions.abort("known deviation: " + reason
                    + result.failure().map(f -> "; " + f.location() + ": " + f.summary()).orElse(""));
            case FAILED -> throw new AssertionFailedError(failureText(result));
            case ERROR -> throw new AssertionFailedError("error: " + reason
                    + result.failure().map(f -> "\n" + f.describe()).orElse(""));
        }
    }

    void notFinished(BackgroundRun.ScriptNotFinished why) {
        throw new AssertionFailedError(why.getMessage());
    }

    private static String failureText(ScriptResult result) {
        return result.failure().map(f -> f.describe()).orElse(result.scriptId() + " failed");
    }
}
