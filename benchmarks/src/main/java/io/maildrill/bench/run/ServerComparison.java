package io.maildrill.bench.run;

import io.maildrill.bench.support.BenchProperties;
import io.maildrill.report.matrix.ServerPerformance;
import io.maildrill.report.model.BenchmarkResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * The quick benchmark run {@code matrix --bench} makes against each server, and the figures it
 * takes from it: the workloads people choose a server by, measured with maildrill's own client
 * only (the Jakarta Mail baselines compare clients, not servers).
 */
public final class ServerComparison {

    public static final int MAILBOX_SIZE = 10_000;
    /** Bound on each wait: an IDLE push that has not come in 30 s is reported as none. */
    static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

    /** One figure of the table: which benchmark and mode it comes from and how it is read. */
    record Measure(String label, String workload, String mode, String unit, boolean higherIsBetter,
                   ToDoubleFunction<BenchmarkResult> reading) {
    }

    private static final ToDoubleFunction<BenchmarkResult> SCORE = BenchmarkResult::score;
    private static final ToDoubleFunction<BenchmarkResult> MEDIAN = r -> r.percentiles().getOrDefault("p0.50", Double.NaN);

    static final List<Measure> MEASURES = List.of(
            new Measure("headers-only listing (FETCH 1:* BODY.PEEK[HEADER])", "imapHeaders", "thrpt", "msgs/s", true, SCORE),
            new Measure("IMAP APPEND, one message per command", "imapAppend", "thrpt", "msgs/s", true, SCORE),
            new Measure("POP3 RETR of every message", "pop3RetrAll", "thrpt", "msgs/s", true, SCORE),
            new Measure("IDLE: EXISTS after another session's APPEND (median)", "imapIdleAppend", "sample", "ms", false, MEDIAN),
            new Measure("IDLE: FETCH after another session's STORE (median)", "imapIdleStore", "sample", "ms", false, MEDIAN));

    private ServerComparison() {
    }

    /**
     * The run for the server {@code servers/<server>/start} runs: quick timing, one thread, a
     * mailbox of {@value #MAILBOX_SIZE} messages in the first of {@code users}, the second drained
     * by POP3. Forks find the target through the server's target.env and the test password in the
     * environment they inherit; no secret is handed to them.
     */
    public static BenchOptions options(String server, List<String> users, Path reportDir) {
        return new BenchOptions(server, MEASURES.stream().map(Measure::workload).distinct().toList(), false,
                List.of(MAILBOX_SIZE), List.of(1), "tiny", true, reportDir, "512m", 1,
                Map.of(BenchProperties.USERS, String.join(",", users), BenchProperties.TEST_ACCOUNTS, "true",
                        BenchProperties.TIMEOUT_SECONDS, Long.toString(WAIT.toSeconds())),
                Optional.of(reportDir.resolve(JMH_LOG)));
    }

    /** JMH's console output of the run, beside its report: the matrix console stays readable. */
    public static final String JMH_LOG = "jmh-output.txt";

    /**
     * The figures of one server's run; a measure whose benchmark produced nothing has no value,
     * and the reason JMH's output gives for it ({@code jmhOutput}: the lines of {@value #JMH_LOG}).
     */
    public static ServerPerformance figures(List<BenchmarkResult> results, List<String> jmhOutput, String reportLink) {
        Map<String, String> failures = JmhFailures.firstPerWorkload(jmhOutput);
        List<ServerPerformance.Figure> figures = new ArrayList<>();
        for (Measure m : MEASURES) {
            OptionalDouble value = results.stream()
                    .filter(r -> r.benchmark().endsWith("." + m.workload()) && r.mode().equals(m.mode()))
                    .filter(r -> !"jakarta".equals(r.params().get(BenchmarkResult.CLIENT_PARAM)))
                    .mapToDouble(m.reading()).filter(Double::isFinite).findFirst();
            figures.add(value.isPresent() ? ServerPerformance.Figure.of(m.label(), m.unit(), m.higherIsBetter(), value.getAsDouble())
                    : ServerPerformance.Figure.none(m.label(), m.unit(), m.higherIsBetter(),
                            Optional.ofNullable(failures.get(m.workload()))));
        }
        return new ServerPerformance(MAILBOX_SIZE, figures, reportLink, Optional.empty());
    }
}
