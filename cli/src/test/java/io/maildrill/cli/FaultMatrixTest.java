package io.maildrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.faults.FaultInjectingProxy;
import io.maildrill.faults.ServerFault;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.Target;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every named server fault against the commands a user runs: each run ends by itself within its
 * bound (1 or 2 s waits here), with exit code 1 or 2, a message that names what the server sent,
 * no stack trace (check, seed; bench keeps JMH's in jmh.log), and its reports written (check, bench). The faults strike in
 * front of a real server (GreenMail) after the client's first SELECT, twentieth APPEND or first
 * FETCH.
 */
class FaultMatrixTest {

    private static EmbeddedGreenMail server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = EmbeddedGreenMail.start(2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(ServerFault.class)
    @Timeout(90)
    void check(ServerFault fault) throws Exception {
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(server.target().requireImap(), fault, "SELECT", 1)) {
            Path reports = dir.resolve("reports");
            Run run = maildrill("check", "--target", "faulty=imap://" + proxy.endpoint(), "--user", "user1", "--user", "user2",
                    "--password-file", passwordFile().toString(), "--test-accounts", "--timeout", "1", "--jobs", "1",
                    "--suite", "imap/headers/peek-header-no-seen.script", "--suite", "imap/deletion/expunge-renumbers.script",
                    "--report-dir", reports.toString());

            run.assertEndedCleanly(1, 2);
            Path json = reports.resolve("faulty").resolve("maildrill-run.json");
            assertThat(json).exists();
            assertThat(run.console() + Files.readString(json)).contains(fault.signature());
            try (Stream<Path> files = Files.list(reports.resolve("faulty"))) {
                assertThat(files.map(p -> p.getFileName().toString())).contains("maildrill-report.html", "maildrill-summary.md");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServerFault.class)
    @Timeout(90)
    void seed(ServerFault fault) throws Exception {
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(server.target().requireImap(), fault, "APPEND", 20)) {
            Run run = maildrill("seed", "--target", "imap://" + proxy.endpoint(), "--user", "user2", "--password-file",
                    passwordFile().toString(), "--messages", "200", "--connections", "1", "--timeout", "1");

            run.assertEndedCleanly(2);
            assertThat(run.err()).contains(fault.signature()).contains("on " + proxy.endpoint()).containsPattern("held \\d+ messages");
        }
    }

    /**
     * At the benchmark's first FETCH, after the mailbox was filled: exit 1 and the fault's bytes in
     * what JMH recorded. A process of its own, because the benchmark JVMs take the password from the
     * environment. The Jakarta Mail baseline runs too and is held to the same bound (its own read
     * timeout alone would let a dripping server hold it until the fault ends).
     */
    @ParameterizedTest
    @EnumSource(ServerFault.class)
    @Timeout(180)
    void bench(ServerFault fault) throws Exception {
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(server.target().requireImap(), fault, "FETCH", 0)) {
            Path reports = dir.resolve("bench");
            MaildrillProcess bench = MaildrillProcess.run(Duration.ofSeconds(60),
                    Map.of("FAULTY_SERVER_PASSWORD", server.target().defaultAccount().password()), "bench",
                    "--target", "imap://" + proxy.endpoint(), "--user", "user1", "--password-env", "FAULTY_SERVER_PASSWORD",
                    "--test-accounts", "--workload", "imapHeaders", "--quick", "--sizes", "100", "--timeout", "2",
                    "--report-dir", reports.toString());
            String output = bench.output();

            assertThat(bench.exit()).as(output).isEqualTo(ExitCodes.FAILURES);
            assertThat(output).contains("No result").contains(fault.signature());
            // the Jakarta Mail baseline ran into the fault as well, within the same bound, and says so
            assertThat(output.lines().filter(line -> line.contains("after this at the socket")))
                    .isNotEmpty().allMatch(line -> line.contains(fault.signature()));
            assertThat(Files.readString(reports.resolve("benchmarks.md"))).contains("No result");
            // JMH's stack traces stay in jmh.log; the console names it instead
            assertThat(output.lines()).noneMatch(line -> line.matches("\\s+at \\S.*"));
            assertThat(output).contains("lines of stack trace in " + reports.resolve("jmh.log"));
            assertThat(Files.readString(reports.resolve("jmh.log"))).contains(fault.signature()).containsPattern("\\tat \\S");
        }
    }

    private Path passwordFile() throws Exception {
        Target target = server.target();
        return Files.writeString(dir.resolve("password"), target.defaultAccount().password() + "\n");
    }

    private static Run maildrill(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private record Run(int exit, String out, String err) {
        String console() {
            return out + err;
        }

        void assertEndedCleanly(Integer... exitCodes) {
            assertThat(exit).as("exit code; output:%n%s", console()).isIn((Object[]) exitCodes);
            assertThat(console()).as("no stack trace").doesNotContain("\tat ").doesNotContain("internal error");
        }
    }
}
