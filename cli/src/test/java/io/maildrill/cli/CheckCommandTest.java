package io.maildrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.Target;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code maildrill check} end to end against a GreenMail the test starts itself (so it knows
 * the password): exit code, the four report formats, and no password anywhere in what the run
 * printed or wrote.
 */
class CheckCommandTest {

    private static EmbeddedGreenMail server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = EmbeddedGreenMail.start(6);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void checkWritesEveryReportAndNeverThePassword() throws Exception {
        Target target = server.target();
        String password = target.defaultAccount().password();
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, password + "\n");
        Path reports = dir.resolve("reports");
        List<String> args = new ArrayList<>(List.of("check", "--target",
                "greenmail=imap://127.0.0.1:" + target.requireImap().port() + ",pop3://127.0.0.1:" + target.requirePop3().port(),
                "--password-file", passwordFile.toString(), "--test-accounts", "--jobs", "2",
                "--suite", "pop3/**", "--suite", "imap/deletion/*", "--report-dir", reports.toString()));
        for (int i = 1; i <= 6; i++) {
            args.addAll(List.of("--user", "user" + i));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));

        assertThat(exit).as("exit code; output:%n%s%n%s", out, err).isZero();
        assertThat(out.toString()).contains("Summary for greenmail").contains("expectations/greenmail.txt");
        Path run = reports.resolve("greenmail");
        assertThat(run.resolve("maildrill-report.html")).exists();
        assertThat(run.resolve("maildrill-summary.md")).exists();
        assertThat(Files.readString(run.resolve("maildrill-run.json"))).contains("\"schemaVersion\"");
        List<Path> junit;
        try (Stream<Path> files = Files.list(run)) {
            junit = files.filter(p -> p.getFileName().toString().startsWith("TEST-")).toList();
        }
        assertThat(junit).isNotEmpty();
        for (Path xml : junit) {
            assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
                    .getDocumentElement().getTagName()).isEqualTo("testsuite");
        }

        String saslPlain = Base64.getEncoder().encodeToString(("\0user1\0" + password).getBytes(StandardCharsets.UTF_8));
        assertThat(out.toString() + err).doesNotContain(password);
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as("password in %s", file).doesNotContain(password).doesNotContain(saslPlain);
            }
        }
    }

    @Test
    void unreachableServerIsOneLineAndExitCodeTwo() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path passwordFile = dir.resolve("pw");
        Files.writeString(passwordFile, "x\n");
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "check", "--target",
                "imap://127.0.0.1:1", "--user", "u", "--password-file", passwordFile.toString(),
                "--report-dir", dir.resolve("r").toString());
        assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(err.toString().strip()).startsWith("maildrill check: cannot reach IMAP at 127.0.0.1:1").doesNotContain("\n");
    }

    @Test
    void badOptionsAndRemoteTargetsAreUsageErrors() throws Exception {
        Path passwordFile = dir.resolve("pw");
        Files.writeString(passwordFile, "x\n");
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "check", "--jobs", "x"))
                .isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        err.getBuffer().setLength(0);
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "check", "--target",
                "imap://192.0.2.1:143", "--user", "u", "--password-file", passwordFile.toString())).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(err.toString()).contains("loopback");
    }
}
