package io.maildrill.junit;

import io.maildrill.report.model.ScriptResult;
import io.maildrill.run.ParsedScript;
import io.maildrill.run.Results;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The JUnit tree of a run: one container per promise, one test per script named by its id. The
 * streams are lazy: JUnit pulls a script's test when it gets to it, and only then is the result
 * awaited, so the test can point at the line that failed and each result shows as it comes in.
 */
final class ScriptTestNodes {

    private ScriptTestNodes() {
    }

    /** The scripts by promise, promises in the order their first script comes. */
    static Map<String, List<ParsedScript>> groupByPromise(List<ParsedScript> scripts) {
        Map<String, List<ParsedScript>> groups = new LinkedHashMap<>();
        for (ParsedScript script : scripts) {
            groups.computeIfAbsent(Results.promise(script.script()), promise -> new ArrayList<>()).add(script);
        }
        return groups;
    }

    static Stream<DynamicNode> containers(Map<String, List<ParsedScript>> byPromise, BackgroundRun run, ScriptVerdict verdict,
                                          ScriptTestSource sources) {
        return byPromise.entrySet().stream().map(group -> DynamicContainer.dynamicContainer(group.getKey(),
                group.getValue().stream().map(script -> test(script, run, verdict, sources))));
    }

    private static DynamicNode test(ParsedScript script, BackgroundRun run, ScriptVerdict verdict, ScriptTestSource sources) {
        ScriptResult result;
        try {
            result = run.await(script.id());
        } catch (BackgroundRun.ScriptNotFinished notFinished) {
            return DynamicTest.dynamicTest(script.id(), sources.uri(script.id(), 1), () -> verdict.notFinished(notFinished));
        }
        int line = result.failure().map(failure -> failure.line()).orElse(1);
        return DynamicTest.dynamicTest(script.id(), sources.uri(script.id(), line), () -> verdict.report(result));
    }
}
