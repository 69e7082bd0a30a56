package io.maildrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.Target;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check}'s known-failure options against GreenMail, on two scripts of known outcome: one
 * that passes on any IMAP server, one that fails at line 10 on any.
 */
class ExpectationsOptionsTest {

    private static EmbeddedGreenMail server;

    @TempDir
    Path dir;

    private Path scripts;

    @BeforeAll
    static void start() {
        server = EmbeddedGreenMail.start(3);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void writeScripts() throws Exception {
        scripts = Files.createDirectories(dir.resolve("scripts/imap"));
        String header = "@title     %s\n@covers    I05\n@level     MUST\n@protocols imap\n@category  framing\n\n"
                + "session A imap account=1\n\nA> NOOP\nA< %s\n";
        Files.writeString(scripts.resolve("passes.script"), header.formatted("NOOP is answered OK", "OK"));
        Files.writeString(scripts.resolve("fails.script"), header.formatted("NOOP is refused (wrong on purpose)", "NO"));
        scripts = scripts.getParent();
    }

    @Test
    void writtenExpectationsPinWhatFailedDropWhatPassedAndKeepTheRest() throws Exception {
        Path listed = Files.writeString(dir.resolve("listed.txt"), "imap/passes.script  was thought to fail\n"
                + "pop3/elsewhere.script  not part of this run\n");
        Path written = dir.resolve("written.txt");

        Run first = check("--expectations", listed.toString(), "--write-expectations", written.toString());

        assertThat(first.exit()).as(first.console()).isEqualTo(ExitCodes.FAILURES);
        assertThat(first.out()).contains("expectations written: " + written.toAbsolutePath());
        List<String> entries = Files.readAllLines(written).stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).startsWith("imap/fails.script  UNTRIAGED: line 10: expected ").contains("(I05)");
        assertThat(entries.get(1)).isEqualTo("pop3/elsewhere.script  not part of this run");

        Run second = check("--expectations", written.toString());

        assertThat(second.exit()).as(second.console()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aListedScriptThatPassesFailsTheRunOnlyWhenAskedTo() throws Exception {
        Path listed = Files.writeString(dir.resolve("listed.txt"), "imap/passes.script  was thought to fail\n"
                + "imap/fails.script  refuses nothing\n");

        assertThat(check("--expectations", listed.toString()).exit()).isEqualTo(ExitCodes.OK);
        Run strict = check("--expectations", listed.toString(), "--fail-fixed");

        assertThat(strict.exit()).as(strict.console()).isEqualTo(ExitCodes.FAILURES);
        assertThat(strict.out()).contains("1 listed as known failure(s) but passed (--fail-fixed): remove them from " + listed,
                "- imap/passes.script");
    }

    @Test
    void noExpectationsSetsTheBundledFileAside() throws Exception {
        Run bundled = check("--suite", "pop3/sizes/scan-listing-sizes.script", "--scripts", "-");
        assertThat(bundled.exit()).as(bundled.console()).isEqualTo(ExitCodes.OK);

        Run none = check("--suite", "pop3/sizes/scan-listing-sizes.script", "--scripts", "-", "--no-expectations");

        assertThat(none.exit()).as(none.console()).isEqualTo(ExitCodes.FAILURES);
        assertThat(none.out()).contains("expectations: (none) (0 known failures)");
    }

    @Test
    void mistakesAreNamedBeforeAnythingConnects() throws Exception {
        Path missing = dir.resolve("nope.txt");
        // an unreachable target: each message below is about the options, so nothing connected
        String unreachable = "imap://127.0.0.1:1";

        assertThat(run("check", "--target", unreachable, "--expectations", missing.toString()).err())
                .isEqualTo("maildrill check: expectations file " + missing + " does not exist");
        assertThat(run("check", "--target", unreachable, "--expectations", missing.toString(), "--no-expectations").err())
                .isEqualTo("maildrill check: --expectations and --no-expectations: give one of them");
        assertThat(run("check", "--target", unreachable, "--write-expectations", dir.resolve("no/such/dir/x.txt").toString()).err())
                .startsWith("maildrill check: --write-expectations ").endsWith("cannot write into " + dir.resolve("no/such/dir"));
        assertThat(run("check", "--target", unreachable, "--target", "imap://127.0.0.1:2", "--write-expectations",
                dir.resolve("x.txt").toString()).err())
                .isEqualTo("maildrill check: --write-expectations writes the file of one server; 2 targets were given");
    }

    /** check against the test's GreenMail, named greenmail (so the bundled file applies by default). */
    private Run check(String... options) throws Exception {
        Target target = server.target();
        Path password = Files.writeString(dir.resolve("password"), target.defaultAccount().password() + "\n");
        List<String> args = new ArrayList<>(List.of("check", "--target",
                "greenmail=imap://127.0.0.1:" + target.requireImap().port() + ",pop3://127.0.0.1:" + target.requirePop3().port(),
                "--password-file", password.toString(), "--user", "user1", "--test-accounts",
                "--report-dir", dir.resolve("reports").toString()));
        List<String> rest = new ArrayList<>(List.of(options));
        int bundled = rest.indexOf("--scripts");
        if (bundled >= 0) {
            rest.subList(bundled, bundled + 2).clear(); // "--scripts -": the bundled suites
        } else {
            args.addAll(List.of("--scripts", scripts.toString()));
        }
        args.addAll(rest);
        return run(args.toArray(String[]::new));
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString().strip());
    }

    private record Run(int exit, String out, String err) {
        String console() {
            return out + "\n" + err;
        }
    }
}
