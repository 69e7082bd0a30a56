package io.maildrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.faults.FaultInjectingProxy;
import io.maildrill.faults.ServerFault;
import io.maildrill.target.EmbeddedGreenMail;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bench column of the fault matrix ({@link FaultMatrixTest} has check and seed): a server fault
 * in the middle of a benchmark (at its first FETCH, after the mailbox was filled) ends the run by
 * itself within its --timeout, with exit code 1 and the fault's bytes in what JMH recorded. A
 * process of its own, because the benchmark JVMs take the password from the environment.
 * Without the Jakarta Mail baseline: its read timeout is per read, so a dripping server holds it
 * until the fault ends, which is not bounded yet.
 */
class BenchFaultTest {

    private static EmbeddedGreenMail server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = EmbeddedGreenMail.start(1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(ServerFault.class)
    @Timeout(180)
    void aFaultDuringABenchmarkIsAFailedRunThatSaysWhatTheServerSent(ServerFault fault) throws Exception {
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(server.target().requireImap(), fault, "FETCH", 0)) {
            Path reports = dir.resolve("bench");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench",
                    "--target", "imap://" + proxy.endpoint(), "--user", "user1", "--password-env", "FAULTY_SERVER_PASSWORD",
                    "--test-accounts", "--workload", "imapHeaders", "--no-baseline", "--quick", "--sizes", "100", "--timeout", "2",
                    "--report-dir", reports.toString())
                    .redirectErrorStream(true);
            builder.environment().put("FAULTY_SERVER_PASSWORD", server.target().defaultAccount().password());
            Process bench = builder.start();
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            bench.getInputStream().transferTo(console);
            assertThat(bench.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = console.toString(StandardCharsets.UTF_8);

            assertThat(bench.exitValue()).as(output).isEqualTo(ExitCodes.FAILURES);
            assertThat(output).contains("No result").contains(fault.signature());
            assertThat(Files.readString(reports.resolve("benchmarks.md"))).contains("No result");
        }
    }
}
