package io.maildrill.suites;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.script.parse.ScriptParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The complete examples in docs/scripts.md parse and say the same as the shipped scripts they name. */
class DocumentationExamplesTest {
    private static final Pattern EXAMPLE = Pattern.compile("### [^\\n]*\\(`([^`]+\\.script)`\\)\\n\\n```\\n(.*?)```", Pattern.DOTALL);

    @Test
    void completeExamplesMatchTheirScriptFiles() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "scripts.md"));
        Matcher m = EXAMPLE.matcher(doc);
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            String example = m.group(2);
            ScriptParser.parse("docs/scripts.md example " + name, example);
            Path file = Path.of(getClass().getResource("/scripts/" + name).toURI());
            assertThat(statementLines(example)).as(name).isEqualTo(statementLines(Files.readString(file)));
            checked.add(name);
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(3);
    }

    private static List<String> statementLines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
