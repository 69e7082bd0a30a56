package io.maildrill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildrill.bench.run.BenchOptions;
import io.maildrill.bench.support.BenchProperties;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    private static BenchCommand parse(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void defaultsRunImapAndPop3AgainstTheEmbeddedServer() {
        BenchOptions options = parse().options(Map.of());

        assertThat(options.target()).isEqualTo("embedded");
        assertThat(options.workloads()).containsExactly("imap*", "pop3*");
        assertThat(options.sizes()).containsExactly(100, 1_000);
        assertThat(options.threads()).containsExactly(1);
        assertThat(options.profile()).isEqualTo("tiny");
        assertThat(options.forks()).isEqualTo(1);
        assertThat(options.reportDir()).isEqualTo(Path.of("maildrill-bench"));
        assertThat(options.forkProperties()).containsOnly(java.util.Map.entry(BenchProperties.TIMEOUT_SECONDS, "60"));
        assertThat(parse("--timeout", "5").options(Map.of()).forkProperties()).containsEntry(BenchProperties.TIMEOUT_SECONDS, "5");
        assertThatThrownBy(() -> parse("--timeout", "0").options(Map.of())).isInstanceOf(UserError.class);
    }

    @Test
    void quickShrinksTheDefaultSizesAndExplicitOptionsWin() {
        assertThat(parse("--quick").options(Map.of()).sizes()).containsExactly(100);
        assertThat(parse("--quick", "--target", "dovecot").options(Map.of()).sizes()).containsExactly(1_000);
        BenchOptions options = parse("--quick", "--target", "dovecot", "--workload", "imapEnvelope,pop3*", "--workload", "decode*",
                "--sizes", "10k,100k", "--threads", "1,4", "--report-dir", "out", "--profile", "realistic").options(Map.of());

        assertThat(options.quick()).isTrue();
        assertThat(options.target()).isEqualTo("dovecot");
        assertThat(options.workloads()).containsExactly("imapEnvelope", "pop3*", "decode*");
        assertThat(options.sizes()).containsExactly(10_000, 100_000);
        assertThat(options.threads()).containsExactly(1, 4);
        assertThat(options.reportDir()).isEqualTo(Path.of("out"));
        assertThat(options.profile()).isEqualTo("realistic");
        assertThat(options.baselines()).as("Jakarta Mail baselines by default").isTrue();
        assertThat(parse("--target", "cyrus", "--no-baseline").options(Map.of()).baselines()).isFalse();
    }

    @Test
    void serverDefaultSizesAreTenAndHundredThousand() {
        assertThat(parse("--target", "dovecot").options(Map.of()).sizes()).containsExactly(10_000, 100_000);
    }

    @Test
    void aUriTargetHandsForksTheVariableNameNeverThePassword() {
        BenchOptions options = parse("--target", "imap://127.0.0.1:1143,pop3://127.0.0.1:1110", "--user", "alice",
                "--user", "bob", "--password-env", "BENCH_PW", "--test-accounts")
                .options(Map.of("BENCH_PW", "s3cret"));

        assertThat(options.forkProperties()).containsEntry(BenchProperties.PASSWORD_ENV, "BENCH_PW")
                .containsEntry(BenchProperties.USERS, "alice,bob").containsEntry(BenchProperties.TEST_ACCOUNTS, "true");
        assertThat(options.forkProperties().values()).doesNotContain("s3cret");
    }

    @Test
    void badInputIsAUserError() {
        assertThatThrownBy(() -> parse("--target", "imap://127.0.0.1:1143").options(Map.of()))
                .isInstanceOf(UserError.class).hasMessageContaining("MAILDRILL_PASSWORD");
        assertThatThrownBy(() -> parse("--sizes", "lots").options(Map.of())).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> parse("--profile", "enormous").options(Map.of())).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> parse("--threads", "0").options(Map.of())).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> parse("--fork-heap", "lots").options(Map.of())).isInstanceOf(UserError.class);
        assertThat(Main.run("bench", "--no-such-option")).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThatThrownBy(() -> parse("--forks", "-1").options(Map.of())).isInstanceOf(UserError.class)
                .hasMessageContaining("forks: -1");
        assertThatThrownBy(() -> parse("--workload", "imap-*").options(Map.of())).isInstanceOf(UserError.class)
                .hasMessageContaining("workload: 'imap-*'");
    }

    @Test
    void aWorkloadThatMatchesNothingIsOneLineNamingTheKnownOnes() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        assertThat(Main.run(new java.io.ByteArrayOutputStream(), err, "bench", "--workload", "nomatch", "--quick"))
                .isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("maildrill bench: no workload matches nomatch (known: ")
                .contains("imapHeaders").contains("pop3RetrAll").doesNotContain("internal error").hasLineCount(1);
    }

    @Test
    void aHeldJmhLockIsOneLineSayingAnotherRunIsGoingOn() {
        String problem = BenchCommand.runnerProblem(new org.openjdk.jmh.runner.RunnerException(
                "ERROR: Another JMH instance might be running. Unable to acquire the JMH lock (/tmp/jmh.lock), exiting."));
        assertThat(problem).contains("another benchmark run").contains("one at a time");
    }
}
