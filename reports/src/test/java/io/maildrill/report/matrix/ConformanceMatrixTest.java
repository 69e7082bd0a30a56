package io.maildrill.report.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maildrill.report.HeadlessChromium;
import io.maildrill.report.SampleRuns;
import io.maildrill.report.model.RunResult;
import io.maildrill.report.model.ScriptResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceMatrixTest {

    @TempDir
    Path dir;

    /** The sample run, and a second server that ran only its IMAP scripts. */
    private static ConformanceMatrix matrix() {
        RunResult full = SampleRuns.all();
        List<ScriptResult> imapOnly = full.scripts().stream().filter(s -> s.scriptId().startsWith("imap/")).toList();
        RunResult partial = new RunResult("run-2", full.toolVersion(), full.startedAt(), full.finishedAt(), full.target(),
                imapOnly, full.environment());
        return new ConformanceMatrix(Instant.parse("2026-12-01T10:00:00Z"), List.of(
                ServerColumn.ran("alpha", "1.0", full), ServerColumn.ran("beta", "", partial),
                ServerColumn.failed("gamma", "", "servers/gamma/start exited with 1")));
    }

    @Test
    void rowsByPromiseHoldEveryServersCellAndNothingForScriptsNotRun() {
        ConformanceMatrix m = matrix();
        ConformanceMatrix.Row dele = m.rowsByPromise().get("deletion").stream()
                .filter(r -> r.scriptId().equals("pop3/deletion/dele-marks-only.script")).findFirst().orElseThrow();
        assertThat(ConformanceMatrix.cellLabel(dele.cell("alpha"))).isEqualTo("pass");
        assertThat(ConformanceMatrix.cellLabel(dele.cell("beta"))).isEqualTo("—");
        assertThat(ConformanceMatrix.cellLabel(dele.cell("gamma"))).isEqualTo("—");
        assertThat(ConformanceMatrix.countsText(ConformanceMatrix.counts(m.allRows(), "alpha"))).isEqualTo("3 / 1 / 3 / 1");
    }

    @Test
    void markdownSummaryHasARowPerPromiseAndTotals() {
        String md = MatrixMarkdownWriter.write(matrix());
        assertThat(md).contains("| promise | alpha 1.0 | beta | gamma |")
                .contains("| **all** | **3 / 1 / 3 / 1** | **2 / 0 / 1 / 1** | not run: servers/gamma/start exited with 1 |")
                .contains("| `pop3/locking/second-login-in-use.script` Second login gets -ERR \\[IN-USE\\] | MUST | P14 | deviation | — | — |");
    }

    @Test
    void jsonHasServersAndCells() throws Exception {
        JsonNode root = new ObjectMapper().readTree(MatrixJsonWriter.write(matrix()));
        assertThat(root.get("servers")).hasSize(3);
        assertThat(root.get("servers").get(2).get("problem").asText()).contains("exited with 1");
        JsonNode row = null;
        for (JsonNode r : root.get("scripts")) {
            if (r.get("scriptId").asText().equals("pop3/deletion/abort-keeps-messages.script")) {
                row = r;
            }
        }
        assertThat(row.get("cells").get("alpha").get("outcome").asText()).isEqualTo("failed");
        assertThat(row.get("cells").get("alpha").get("failure").asText()).contains("abort-keeps-messages.script:14");
        assertThat(row.get("cells").get("beta").isNull()).isTrue();
    }

    @Test
    void htmlLinksEachCellToTheServersReportAndEscapesServerText() throws Exception {
        String html = MatrixHtmlWriter.write(matrix());
        assertThat(html).contains("href=\"alpha/maildrill-report.html#s-pop3-deletion-abort-keeps-messages-script\"")
                .doesNotContain("<script>alert");
        assumeTrue(HeadlessChromium.available(), "rendering needs " + HeadlessChromium.BINARY);
        Path page = MatrixFiles.write(matrix(), dir).get(0);
        String dom = HeadlessChromium.run(dir.resolve("profile"), "--dump-dom", page.toUri().toString());
        assertThat(dom).contains("maildrill conformance matrix").contains("class=\"c fail\"");
        Path png = Path.of("target", "matrix-sample.png").toAbsolutePath();
        Files.deleteIfExists(png);
        HeadlessChromium.run(dir.resolve("shot"), "--screenshot=" + png, "--window-size=1280,1200", page.toUri().toString());
        assertThat(Files.size(png)).isGreaterThan(20_000);
    }

    /** The matrix with --bench figures: alpha measured fully, beta without one result, gamma not run. */
    private static ConformanceMatrix withPerformance() {
        ConformanceMatrix m = matrix();
        ServerPerformance alpha = new ServerPerformance(10_000, List.of(
                ServerPerformance.Figure.of("listing", "msgs/s", true, 35273.4),
                ServerPerformance.Figure.of("IDLE latency", "ms", false, 0.512)), "alpha-bench/benchmarks.html",
                Optional.empty());
        ServerPerformance beta = new ServerPerformance(10_000, List.of(
                ServerPerformance.Figure.none("listing", "msgs/s", true, Optional.of("APPEND refused: NO [TRYCREATE]")),
                ServerPerformance.Figure.of("IDLE latency", "ms", false, 12.34)), "beta-bench/benchmarks.html",
                Optional.empty());
        return new ConformanceMatrix(m.generatedAt(), List.of(m.servers().get(0).withPerformance(alpha),
                m.servers().get(1).withPerformance(beta), m.servers().get(2)));
    }

    @Test
    void benchFiguresFormAPerformanceTableInEveryFormat() throws Exception {
        assertThat(matrix().hasPerformance()).isFalse();
        assertThat(MatrixMarkdownWriter.summary(matrix())).doesNotContain("Performance");
        ConformanceMatrix m = withPerformance();
        assertThat(m.performanceMeasures()).containsExactly("listing", "IDLE latency");
        String md = MatrixMarkdownWriter.summary(m);
        assertThat(md).contains("10,000 messages")
                .contains("| listing | 35,273 msgs/s | no result | — |")
                .contains("| IDLE latency | 0.51 ms | 12.3 ms | — |")
                .contains("- beta, listing: no result: APPEND refused: NO \\[TRYCREATE\\]");
        JsonNode alpha = new ObjectMapper().readTree(MatrixJsonWriter.write(m)).get("servers").get(0).get("performance");
        assertThat(alpha.get("report").asText()).isEqualTo("alpha-bench/benchmarks.html");
        assertThat(alpha.get("figures").get(0).get("value").asDouble()).isEqualTo(35273.4);
        JsonNode beta = new ObjectMapper().readTree(MatrixJsonWriter.write(m)).get("servers").get(1).get("performance");
        assertThat(beta.get("figures").get(0).get("value").isNull()).isTrue();
        assertThat(beta.get("figures").get(0).get("whyNone").asText()).isEqualTo("APPEND refused: NO [TRYCREATE]");
        assertThat(MatrixHtmlWriter.write(m)).contains("<h2 id=\"performance\">Performance</h2>")
                .contains("<a href=\"alpha-bench/benchmarks.html\">alpha 1.0</a>").contains(">35,273 msgs/s</td>");
    }

    @Test
    void aServerWhoseBenchmarksCouldNotRunSaysWhy() {
        ConformanceMatrix m = matrix();
        ConformanceMatrix failed = new ConformanceMatrix(m.generatedAt(), List.of(withPerformance().servers().get(0),
                m.servers().get(1).withPerformance(ServerPerformance.failed(10_000, "beta-bench/benchmarks.html", "JMH: lock held"))));
        assertThat(ConformanceMatrix.performanceCell(failed.servers().get(1), "listing")).isEqualTo("not run");
        assertThat(MatrixMarkdownWriter.summary(failed)).contains("beta: benchmarks not run: JMH: lock held");
    }
}
