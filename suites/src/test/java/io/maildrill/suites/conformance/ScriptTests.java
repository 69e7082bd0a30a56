package io.maildrill.suites.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import io.maildrill.report.model.ScriptResult;
import io.maildrill.run.ExecutorOptions;
import io.maildrill.run.ParsedScript;
import io.maildrill.run.SuiteRunner;
import io.maildrill.run.TargetProtocols;
import io.maildrill.script.parse.ScriptParseException;
import io.maildrill.suites.BundledExpectations;
import io.maildrill.suites.ScriptLibrary;
import io.maildrill.target.Target;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns conformance-script results into JUnit dynamic tests: one per script, named by its id,
 * with a source URI that leads an IDE to the script file and the failing line. The scripts of a
 * target run first, in parallel (as {@code maildrill check} runs them); the dynamic tests then
 * report each result. Outcomes map as CI needs them: a new failure fails the test, a known
 * failure (expectations file) and a skip abort it with the reason, a fixed one passes.
 */
final class ScriptTests {

    private static final Path SOURCE_ROOT = Path.of("src/main/resources/scripts");

    private ScriptTests() {
    }

    static Stream<DynamicTest> run(Target target, int jobs) {
        List<ParsedScript> scripts = TargetProtocols.select(target, parseAll()).runnable();
        SuiteRunner runner = new SuiteRunner(target,
                new ExecutorOptions(Duration.ofSeconds(10), Duration.ofSeconds(10)),
                BundledExpectations.forTarget(target.name()), jobs);
        return runner.run(scripts, io.maildrill.run.SuiteListener.NONE).stream()
                .map(result -> DynamicTest.dynamicTest(result.scriptId(), sourceUri(result), () -> report(result)));
    }

    private static List<ParsedScript> parseAll() {
        try {
            return ScriptLibrary.parse(ScriptLibrary.bundled());
        } catch (ScriptParseException e) {
            throw new AssertionError("bundled scripts do not parse: " + e.getMessage(), e);
        }
    }

    private static void report(ScriptResult result) {
        switch (result.outcome()) {
            case PASSED -> { }
            case FIXED -> System.out.println(result.scriptId() + ": " + result.reason().orElse("fixed"));
            case SKIPPED -> Assumptions.abort("skipped: " + result.reason().orElse(""));
            case EXPECTED_FAILURE -> Assumptions.abort("expected failure: " + result.reason().orElse(""));
            case FAILED, ERROR -> fail(result.failure().map(f -> f.describe())
                    .orElse(result.outcome() + ": " + result.reason().orElse("")));
        }
    }

    /** The script in the source tree (for IDE navigation), at the failing line when there is one. */
    private static URI sourceUri(ScriptResult result) {
        Path file = SOURCE_ROOT.resolve(result.scriptId());
        if (!Files.exists(file)) {
            return null;
        }
        int line = result.failure().map(f -> f.line()).orElse(1);
        return URI.create(file.toAbsolutePath().toUri() + "?line=" + line);
    }
}
