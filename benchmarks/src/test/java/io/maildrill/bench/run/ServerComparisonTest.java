package io.maildrill.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.bench.support.BenchProperties;
import io.maildrill.bench.support.BenchTargets;
import io.maildrill.report.matrix.ServerPerformance;
import io.maildrill.report.matrix.ServerPerformance.Figure;
import io.maildrill.report.model.BenchmarkResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerComparisonTest {

    private static BenchmarkResult result(String benchmark, String client, String mode, double score, Map<String, Double> percentiles) {
        Map<String, String> params = client == null ? Map.of() : Map.of(BenchmarkResult.CLIENT_PARAM, client);
        return new BenchmarkResult(benchmark, benchmark.substring(benchmark.lastIndexOf('.') + 1), params, mode, score, Double.NaN,
                mode.equals("thrpt") ? "msgs/s" : "ms/op", Map.of(), percentiles);
    }

    @Test
    void figuresComeFromMaildrillsClientInTheMeasuresModeAndAMissingBenchmarkHasNoValue() {
        List<BenchmarkResult> results = List.of(
                result("io.maildrill.bench.jakarta.JakartaImapBench.imapHeaders", "jakarta", "thrpt", 12_000, Map.of()),
                result("io.maildrill.bench.imap.ImapReadBench.imapHeaders", "maildrill", "sample", 226, Map.of("p0.50", 223.0)),
                result("io.maildrill.bench.imap.ImapReadBench.imapHeaders", "maildrill", "thrpt", 35_273, Map.of()),
                result("io.maildrill.bench.pop3.Pop3ReadBench.pop3RetrAll", "maildrill", "thrpt", 21_420, Map.of()),
                result("io.maildrill.bench.imap.ImapIdleBench.imapIdleAppend", "maildrill", "sample", 512, Map.of("p0.50", 511.0)));
        List<String> jmhOutput = List.of(
                "# Benchmark: io.maildrill.bench.imap.ImapWriteBench.imapAppend",
                "# Run progress: 20.00% complete, ETA 00:01:00",
                "# Warmup Iteration   1: <failure>",
                "",
                "io.maildrill.provision.ProvisionException: APPEND refused near message 256: NO APPEND [TRYCREATE] failed",
                "\tat io.maildrill.provision.ImapAppendProvisioner.requireAllOk(ImapAppendProvisioner.java:104)",
                "# Benchmark: io.maildrill.bench.imap.ImapIdleBench.imapIdleStore",
                "# Warmup Iteration   1: 3.1 ms/op");
        ServerPerformance p = ServerComparison.figures(results, jmhOutput, "dovecot-bench/benchmarks.html");
        assertThat(p.figures()).extracting(Figure::measure).containsExactly(
                "headers-only listing (FETCH 1:* BODY.PEEK[HEADER])", "IMAP APPEND, one message per command",
                "POP3 RETR of every message", "IDLE: EXISTS after another session's APPEND (median)",
                "IDLE: FETCH after another session's STORE (median)");
        assertThat(p.figures()).extracting(Figure::text).containsExactly("35,273 msgs/s", "no result", "21,420 msgs/s", "511 ms",
                "no result");
        assertThat(p.figures().get(3).higherIsBetter()).isFalse();
        assertThat(p.figures().get(1).whyNone()).hasValue(
                "io.maildrill.provision.ProvisionException: APPEND refused near message 256: NO APPEND [TRYCREATE] failed");
        assertThat(p.figures().get(4).whyNone()).as("no failure line for it").isEmpty();
        assertThat(p.mailboxSize()).isEqualTo(10_000);
        assertThat(p.problem()).isEmpty();
    }

    @Test
    void theRunIsQuickSingleThreadedWithoutBaselinesAndHandsForksNoSecret() {
        BenchOptions options = ServerComparison.options("cyrus", List.of("user1", "user2"), Path.of("out/cyrus-bench"));
        assertThat(BenchTargets.isServerName(options.target())).isTrue();
        assertThat(options.workloads()).containsExactly("imapHeaders", "imapAppend", "pop3RetrAll", "imapIdleAppend", "imapIdleStore");
        assertThat(options.baselines()).isFalse();
        assertThat(options.quick()).isTrue();
        assertThat(options.threads()).containsExactly(1);
        assertThat(options.sizes()).containsExactly(ServerComparison.MAILBOX_SIZE);
        assertThat(options.forkProperties()).containsOnlyKeys(BenchProperties.USERS, BenchProperties.TEST_ACCOUNTS,
                        BenchProperties.TIMEOUT_SECONDS)
                .containsEntry(BenchProperties.USERS, "user1,user2");
        assertThat(options.jmhLog()).hasValue(Path.of("out/cyrus-bench", ServerComparison.JMH_LOG));
        List<String> selected = BenchRunner.missing(options, 1, List.of());
        assertThat(selected).as("what JMH would run, as 'not produced' before any result").isNotEmpty()
                .noneMatch(name -> name.startsWith("Jakarta")).anyMatch(name -> name.startsWith("ImapIdleBench.imapIdleStore"));
    }

    @Test
    void serverNamesAreToldApartFromUrisAndTheEmbeddedServer() {
        assertThat(BenchTargets.isServerName("dovecot")).isTrue();
        assertThat(BenchTargets.isServerName("embedded")).isFalse();
        assertThat(BenchTargets.isServerName("imap://127.0.0.1:143")).isFalse();
        assertThat(BenchTargets.isServerName("local=imap://127.0.0.1:143")).isFalse();
    }
}
