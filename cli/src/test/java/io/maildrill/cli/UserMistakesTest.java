package io.maildrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ordinary mistakes end in one line on stderr that says what and where, and exit code 2 — never
 * "internal error" with a stack trace. Each case is one a user made while trying the tool.
 */
class UserMistakesTest {

    @TempDir
    Path dir;

    private String oneLineError(String... args) throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "x\n");
        List<String> all = new ArrayList<>(List.of(args));
        if (all.contains("--target")) {
            all.addAll(List.of("--user", "u", "--password-file", pw.toString()));
        }
        all.addAll(List.of("--report-dir", dir.resolve("r").toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(out, err, all.toArray(String[]::new));
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(text).doesNotContain("internal error").doesNotContain("\tat ").doesNotContain(": null");
        return text.strip();
    }

    @Test
    void aScriptsDirectoryThatIsMissingOrAFile() throws Exception {
        assertThat(oneLineError("check", "--scripts", dir.resolve("nope").toString()))
                .isEqualTo("maildrill check: --scripts: script directory " + dir.resolve("nope") + " does not exist");
        Path file = Files.writeString(dir.resolve("a.txt"), "x");
        assertThat(oneLineError("check", "--scripts", file.toString())).endsWith("is a file, not a directory");
    }

    @Test
    void aLatin1ByteInAScript() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.write(scripts.resolve("a.script"), "# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(oneLineError("check", "--scripts", scripts.toString())).contains("a.script:1:6: not UTF-8: byte 0xE9");
    }

    @Test
    void aPortOutOfRangeOrNotANumber() throws Exception {
        assertThat(oneLineError("check", "--target", "imap://127.0.0.1:99999")).contains("port 99999 is out of range")
                .doesNotContain("\n");
        assertThat(oneLineError("check", "--target", "imap://127.0.0.1:abc")).contains("port 'abc' is not a number");
    }

    @Test
    void aTrustFileThatIsNotACertificate() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        assertThat(oneLineError("check", "--target", "imaps://127.0.0.1:1993", "--trust", notes.toString()))
                .startsWith("maildrill check: --trust: " + notes).doesNotContain("\n");
    }

    @Test
    void anExpectationsFileWithABrokenGlob() throws Exception {
        Path expectations = Files.writeString(dir.resolve("exp.txt"), "imap/{deletion/*.script  why\n");
        assertThat(oneLineError("check", "--expectations", expectations.toString(), "--suite", "pop3/deletion/dele-only-marks.script"))
                .startsWith("maildrill check: " + expectations + ":1: 'imap/{deletion/*.script' is not a script id or glob");
    }

    @Test
    void anUnusableReportDirectoryIsFoundBeforeAnyScriptRuns() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "a file, not a directory");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(out, err, "check", "--suite", "pop3/deletion/dele-only-marks.script", "--report-dir", file.toString());
        assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("maildrill check: cannot write reports into " + file)
                .contains("choose another --report-dir");
        assertThat(out.toString(StandardCharsets.UTF_8)).as("nothing ran").doesNotContain("[  1/");
    }

    @Test
    void seedOptionsOutOfBoundsAreRefusedAndViaIsCaseInsensitive() {
        for (String[] args : new String[][] {{"--messages", "2000000000"}, {"--connections", "5000"}, {"--mailbox", ""}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<String> all = new ArrayList<>(List.of("seed"));
            all.addAll(List.of(args));
            assertThat(Main.run(new ByteArrayOutputStream(), err, all.toArray(String[]::new))).as(String.join(" ", args))
                    .isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("maildrill seed: --").doesNotContain("internal error");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Main.run(out, new ByteArrayOutputStream(), "seed", "--via", "imap", "--messages", "2"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("via IMAP APPEND");
    }
}
