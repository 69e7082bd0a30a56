package io.maildrill.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.maildrill.script.parse.ScriptParseException;
import io.maildrill.script.parse.ScriptParser;

/**
 * Any text is a script or a list of problems with lines and columns: never another exception, a
 * stack overflow (deep nesting) or a hang. {@code fuzz/run script} fuzzes it; {@code ./mvnw verify}
 * replays the kept inputs (the shipped scripts' shapes and every crasher found so far).
 */
class ScriptParserFuzzTest {

    @FuzzTest(maxDuration = FuzzTargets.SHORT_RUN)
    @DictionaryFile(resourcePath = "/io/maildrill/fuzz/script.dict")
    void anyTextParsesOrIsRejectedWithProblems(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }

    /** The property, also the entry point of the long run ({@code fuzz/run script}). */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            ScriptParser.parse("fuzz.script", text);
        } catch (ScriptParseException expected) {
            // the one way a bad script is told
        }
    }
}
