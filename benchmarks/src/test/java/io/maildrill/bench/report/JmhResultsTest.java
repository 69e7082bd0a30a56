package io.maildrill.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.maildrill.report.model.BenchmarkResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhResultsTest {

    @TempDir
    Path dir;

    static final String JSON = """
            [
              {"jmhVersion":"1.37","benchmark":"io.maildrill.bench.imap.ImapReadBench.imapEnvelope","mode":"thrpt","threads":2,
               "forks":1,"params":{"client":"maildrill","mailboxSize":"10000","profile":"tiny","target":"dovecot"},
               "primaryMetric":{"score":0.5,"scoreError":0.01,"scoreConfidence":[0.49,0.51],
                  "scorePercentiles":{"0.0":0.5,"50.0":0.5,"100.0":0.5},"scoreUnit":"ops/ms"},
               "secondaryMetrics":{"bytes":{"score":2000.0,"scoreError":"NaN","scoreUnit":"ops/ms"},
                                   "messages":{"score":5.0,"scoreError":1.0,"scoreUnit":"ops/ms"}}},
              {"jmhVersion":"1.37","benchmark":"io.maildrill.bench.imap.ImapReadBench.imapEnvelope","mode":"sample","threads":1,
               "forks":1,"params":{"client":"maildrill","mailboxSize":"10000"},
               "primaryMetric":{"score":2.0,"scoreError":0.2,"scorePercentiles":{"0.0":1.0,"50.0":1.9,"90.0":2.5,"99.0":3.0,
                  "99.9":3.5,"99.99":3.6,"100.0":4.0},"scoreUnit":"ms/op"},
               "secondaryMetrics":{"·gc.alloc.rate":{"score":10.0,"scoreError":0.0,"scoreUnit":"MB/sec"},
                                   "p0.50":{"score":1.9,"scoreError":"NaN","scoreUnit":"ms/op"}}},
              {"jmhVersion":"1.37","benchmark":"io.maildrill.bench.pop3.Pop3DrainBench.pop3Drain","mode":"ss","threads":1,
               "forks":1,"params":{"drainSize":"1000"},
               "primaryMetric":{"score":1500.0,"scoreError":"NaN","scorePercentiles":{},"scoreUnit":"us/op"},
               "secondaryMetrics":{}}
            ]
            """;

    @Test
    void throughputWithMessageCounterBecomesMessagesPerSecond() throws IOException {
        List<BenchmarkResult> results = read(JSON);

        BenchmarkResult thrpt = results.get(0);
        assertThat(thrpt.workload()).isEqualTo("imapEnvelope");
        assertThat(thrpt.series()).isEqualTo("maildrill");
        assertThat(thrpt.unit()).isEqualTo("msgs/s");
        assertThat(thrpt.score()).isCloseTo(5000.0, within(1e-9));
        assertThat(thrpt.error()).isCloseTo(1000.0, within(1e-9));
        assertThat(thrpt.secondaryMetrics()).containsEntry("bytes/s", 2_000_000.0).containsEntry("ops/s", 500.0)
                .doesNotContainKey("messages/s");
        assertThat(thrpt.params()).containsEntry("threads", "2").containsEntry("mailboxSize", "10000");
        assertThat(thrpt.percentiles()).isEmpty();
    }

    @Test
    void sampleModeKeepsPercentilesInMillisecondsAndDropsProfilerMetrics() throws IOException {
        BenchmarkResult sample = read(JSON).get(1);

        assertThat(sample.unit()).isEqualTo("ms/op");
        assertThat(sample.percentiles()).containsExactly(
                org.assertj.core.api.Assertions.entry("p0.50", 1.9), org.assertj.core.api.Assertions.entry("p0.90", 2.5),
                org.assertj.core.api.Assertions.entry("p0.99", 3.0), org.assertj.core.api.Assertions.entry("p0.999", 3.5),
                org.assertj.core.api.Assertions.entry("p1.00", 4.0));
        assertThat(sample.secondaryMetrics()).isEmpty();
    }

    @Test
    void timesAreConvertedToMilliseconds() throws IOException {
        BenchmarkResult ss = read(JSON).get(2);

        assertThat(ss.unit()).isEqualTo("ms/op");
        assertThat(ss.score()).isCloseTo(1.5, within(1e-9));
        assertThat(ss.error()).isNaN();
    }

    @Test
    void singleShotProvisioningGetsItsMessageRate() throws IOException {
        BenchmarkResult r = read("""
                [{"benchmark":"io.maildrill.bench.provision.ProvisionBench.provisionImapAppend","mode":"ss","threads":1,
                  "params":{"connections":"4","mailboxSize":"10000"},
                  "primaryMetric":{"score":2.0,"scoreError":"NaN","scoreUnit":"s/op"},"secondaryMetrics":{}}]
                """).get(0);

        assertThat(r.score()).isCloseTo(2000.0, within(1e-9));
        assertThat(r.secondaryMetrics()).containsEntry("msgs/s", 5000.0);
    }

    @Test
    void rejectsWhatIsNotAJmhResultFile() throws IOException {
        assertThatThrownBy(() -> read("{\"benchmark\": 1}")).isInstanceOf(IOException.class).hasMessageContaining("JSON array");
        assertThatThrownBy(() -> read("[{\"mode\":\"thrpt\"}]")).isInstanceOf(IOException.class).hasMessageContaining("benchmark");
    }

    private List<BenchmarkResult> read(String json) throws IOException {
        Path file = dir.resolve("r.json");
        Files.writeString(file, json);
        return JmhResults.read(file);
    }
}
