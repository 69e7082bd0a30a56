package io.maildrill.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildrill.script.parse.ParseProblem;
import io.maildrill.script.parse.ScriptParseException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptLibraryTest {

    @TempDir
    Path dir;

    @Test
    void aByteThatIsNotUtf8IsAProblemAtItsLineAndColumnAndTheOtherScriptsStillParse() throws Exception {
        byte[] latin1 = "# caf\u00e9 au lait\n@title t\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("bad.script"), latin1);
        Files.writeString(dir.resolve("also-bad.script"), "not a script\n");
        List<ScriptSource> sources = ScriptLibrary.fromDirectory(dir);
        assertThat(sources.stream().filter(s -> s.id().equals("bad.script")).findFirst().orElseThrow().unreadable())
                .hasValue(new ParseProblem("bad.script", 1, 6,
                        "not UTF-8: byte 0xE9 (scripts are UTF-8 text; save the file as UTF-8)"));
        assertThatThrownBy(() -> ScriptLibrary.parse(sources)).isInstanceOf(ScriptParseException.class)
                .satisfies(e -> assertThat(((ScriptParseException) e).problems()).extracting(ParseProblem::sourceName)
                        .contains("bad.script", "also-bad.script"));
    }

    @Test
    void utf8TextIsDecodedAsIs() {
        String text = "# Zürich, 日本 \uD83D\uDCE7\n";
        assertThat(ScriptSource.of("x.script", text.getBytes(StandardCharsets.UTF_8), dir.toUri()).text()).isEqualTo(text);
    }

    @Test
    void aMissingDirectoryAndAFileAreToldApart() throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertThatThrownBy(() -> ScriptLibrary.fromDirectory(dir.resolve("nope"))).hasMessageEndingWith("does not exist");
        assertThatThrownBy(() -> ScriptLibrary.fromDirectory(file)).hasMessageEndingWith("is a file, not a directory");
    }
}
