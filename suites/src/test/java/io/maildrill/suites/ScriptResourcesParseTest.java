package io.maildrill.suites;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.script.ast.Script;
import io.maildrill.script.parse.ScriptParseException;
import io.maildrill.script.parse.ScriptParser;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every shipped script parses, and names a catalog ID in the directory's protocol. */
class ScriptResourcesParseTest {

    private static List<Path> scripts() throws Exception {
        Path root = scriptRoot();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".script")).sorted().toList();
        }
    }

    private static Path scriptRoot() throws URISyntaxException {
        return Path.of(ScriptResourcesParseTest.class.getResource("/scripts").toURI());
    }

    @Test
    void thereAreScriptsForBothProtocols() throws Exception {
        assertThat(scripts()).anyMatch(p -> p.toString().contains("/pop3/")).anyMatch(p -> p.toString().contains("/imap/"));
    }

    @TestFactory
    Stream<DynamicTest> everyScriptParses() throws Exception {
        Path root = scriptRoot();
        return scripts().stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), file.toUri(), () -> {
            Script script;
            try {
                script = ScriptParser.parse(file);
            } catch (ScriptParseException e) {
                throw new AssertionError(e.getMessage(), e);
            }
            String protocolDir = root.relativize(file).getName(0).toString();
            char catalogLetter = protocolDir.equals("pop3") ? 'P' : 'I';
            assertThat(script.metadata().covers()).anyMatch(id -> id.charAt(0) == catalogLetter);
            assertThat(script.statements()).isNotEmpty();
        }));
    }
}
