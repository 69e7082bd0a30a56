package io.maildrill.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.maildrill.report.model.BenchmarkResult;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    static BenchmarkResult result(String workload, String client, String size, String mode, double score) {
        String unit = mode.equals("thrpt") ? "msgs/s" : "ms/op";
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("client", client);
        params.put("mailboxSize", size);
        params.put("target", "dovecot");
        return new BenchmarkResult("x.Bench." + workload, workload, params, mode, score, Double.NaN, unit, Map.of(), Map.of());
    }

    @Test
    void speedUpIsAboveOneWhenBetterWhateverTheMode() {
        assertThat(RunComparison.speedup(result("w", "a", "1", "thrpt", 100), result("w", "a", "1", "thrpt", 300)))
                .hasValueCloseTo(3.0, within(1e-9));
        assertThat(RunComparison.speedup(result("w", "a", "1", "sample", 3.0), result("w", "a", "1", "sample", 1.5)))
                .hasValueCloseTo(2.0, within(1e-9));
        assertThat(RunComparison.speedup(result("w", "a", "1", "thrpt", 0), result("w", "a", "1", "thrpt", 1))).isEmpty();
    }

    @Test
    void runsAreMatchedByWorkloadModeAndParametersButNotTarget() {
        List<BenchmarkResult> a = List.of(result("imapEnvelope", "maildrill", "10000", "thrpt", 1000),
                result("pop3List", "maildrill", "10000", "thrpt", 50));
        List<BenchmarkResult> b = List.of(result("imapEnvelope", "maildrill", "10000", "thrpt", 1500));

        List<RunComparison.Row> rows = RunComparison.compare(List.of(a, b));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).scores()).containsExactly(OptionalDouble.of(1000), OptionalDouble.of(1500));
        assertThat(rows.get(0).speedups().get(1)).hasValueCloseTo(1.5, within(1e-9));
        assertThat(rows.get(1).scores().get(1)).isEmpty();
        assertThat(BenchTables.comparison(List.of("a.json", "b.json"), rows))
                .contains("| imapEnvelope | client=maildrill mailboxSize=10000 | thrpt | msgs/s | 1,000 | 1,500 | 1.50× |")
                .contains("| pop3List | client=maildrill mailboxSize=10000 | thrpt | msgs/s | 50.0 | – | – |");
    }

    @Test
    void clientRatiosPairMaildrillWithJakartaOnTheSameWorkloadAndSize() {
        List<BenchmarkResult> run = List.of(
                result("imapEnvelope", "maildrill", "10000", "thrpt", 9000),
                result("imapEnvelope", "jakarta", "10000", "thrpt", 3000),
                result("imapEnvelope", "jakarta", "100000", "thrpt", 2000),
                result("imapEnvelope", "maildrill", "10000", "sample", 10),
                result("imapEnvelope", "jakarta", "10000", "sample", 40));

        List<ClientRatios.Ratio> ratios = ClientRatios.of(run);

        assertThat(ratios).extracting(ClientRatios.Ratio::speedup).containsExactly(3.0, 4.0);
        assertThat(BenchTables.clientRatios(run)).contains("3.00×").contains("4.00×");
    }
}
