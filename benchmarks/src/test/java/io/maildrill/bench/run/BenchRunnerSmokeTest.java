package io.maildrill.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.bench.report.BenchReportWriter;
import io.maildrill.bench.report.JmhResults;
import io.maildrill.bench.support.BenchTargets;
import io.maildrill.report.model.BenchmarkResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a real (tiny) benchmark in this JVM (JMH with no fork) against the embedded GreenMail and
 * checks the files a user gets. Asserts what was produced, never how fast.
 */
class BenchRunnerSmokeTest {

    @TempDir
    Path dir;

    @AfterEach
    void stopServer() {
        BenchTargets.stopEmbedded();
    }

    @Test
    void tinyRunAgainstEmbeddedGreenMailWritesParseableResults() throws Exception {
        BenchOptions options = new BenchOptions(BenchTargets.EMBEDDED, List.of("imapHeaders", "pop3Uidl"), true, List.of(50), List.of(1),
                "tiny", true, dir, "256m", 0, Map.of(), java.util.Optional.empty());
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        BenchRunner.Outcome outcome = BenchRunner.run(options, new PrintStream(console, true, StandardCharsets.UTF_8));

        Path json = dir.resolve("jmh-threads1.json");
        assertThat(outcome.jsonFiles()).containsExactly(json);
        List<BenchmarkResult> results = JmhResults.read(json);
        // maildrill and Jakarta Mail, throughput and sample modes, for both workloads
        assertThat(results).extracting(BenchmarkResult::workload).containsOnly("imapHeaders", "pop3Uidl").hasSize(8);
        assertThat(results).extracting(BenchmarkResult::series).containsOnly("maildrill", "jakarta");
        assertThat(results).filteredOn(r -> r.mode().equals("thrpt")).allSatisfy(r -> {
            assertThat(r.unit()).isEqualTo("msgs/s");
            assertThat(r.score()).isPositive();
            assertThat(r.params()).containsEntry("mailboxSize", "50");
        });
        assertThat(results).filteredOn(r -> r.mode().equals("sample")).allSatisfy(r -> assertThat(r.percentiles()).isNotEmpty());
        assertThat(Files.readString(dir.resolve(BenchReportWriter.HTML))).contains("<svg").contains("imapHeaders")
                .contains("maildrill vs Jakarta Mail");
        assertThat(Files.readString(dir.resolve(BenchReportWriter.MARKDOWN))).contains("### imapHeaders").contains("### pop3Uidl")
                .contains("maildrill speed-up");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("maildrill bench: wrote");
    }
}
