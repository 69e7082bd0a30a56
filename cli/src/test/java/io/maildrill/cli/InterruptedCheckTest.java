package io.maildrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A check stopped in the middle (Ctrl-C, a CI job's kill) keeps the results that finished. */
class InterruptedCheckTest {

    @TempDir
    Path dir;

    private static String script(String title, boolean slow) {
        return "@title " + title + "\n@covers P21\n@level MUST\n@protocols pop3\n@category errors\n\n"
                + "session A pop3 account=1\nA> NOOP\nA< +OK\n" + (slow ? "sleep 60s\n" : "");
    }

    @Test
    @Timeout(120)
    void aKilledRunWritesTheReportsOfWhatFinished() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("a-quick.script"), script("quick", false));
        Files.writeString(scripts.resolve("b-slow.script"), script("slow", true));
        Files.writeString(scripts.resolve("c-slow.script"), script("slower", true));
        Path reports = dir.resolve("reports");
        Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check", "--scripts", scripts.toString(),
                "--jobs", "1", "--report-dir", reports.toString())
                .redirectErrorStream(true).start();
        StringBuilder console = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(check.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                console.append(line).append('\n');
                if (line.contains("a-quick.script")) {
                    // SIGINT, what Ctrl-C sends (Process.destroy would close the streams read here)
                    new ProcessBuilder("kill", "-INT", Long.toString(check.pid())).start().waitFor();
                }
            }
        }
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(console).contains("interrupted; reports of the 1 of 3 scripts that finished");
        Path json;
        try (var files = Files.walk(reports)) {
            json = files.filter(p -> p.getFileName().toString().equals("maildrill-run.json")).findFirst().orElseThrow();
        }
        String run = Files.readString(json);
        assertThat(run).contains("a-quick.script").doesNotContain("b-slow.script")
                .contains("interrupted: 1 of 3 scripts had finished");
    }
}
