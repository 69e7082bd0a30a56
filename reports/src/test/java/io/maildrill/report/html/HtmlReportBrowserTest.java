package io.maildrill.report.html;

import io.maildrill.report.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders the report in headless Chromium: the script must run (the DOM gets {@code data-js="ready"}) and a
 * screenshot must be produced. Skipped when {@code /usr/bin/chromium} is absent. The screenshot is kept in
 * {@code target/report-sample.png} (page in {@code target/report-sample.html}) for a human look.
 */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 90;

    @TempDir
    Path dir;

    @Test
    void rendersInHeadlessChromiumWithScriptRunAndScreenshot() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "headless browser test needs " + CHROMIUM + " (apt-get install chromium)");
        Path html = new HtmlReportWriter().write(SampleRuns.all(), SampleRuns.benchmarks(), SampleRuns.catalogText(), dir);

        String dom = run(dir.resolve("dump"), "--dump-dom", html.toUri().toString());
        assertThat(dom).contains("data-js=\"ready\"").contains("id=\"summary\"");
        assertThat(dom).doesNotContain("<script>alert");

        Files.copy(html, Path.of("target", "report-sample.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path png = Path.of("target", "report-sample.png").toAbsolutePath();
        Files.deleteIfExists(png);
        run(dir.resolve("shot"), "--screenshot=" + png, "--window-size=1280,2000", "--hide-scrollbars", html.toUri().toString());
        assertThat(png).exists();
        assertThat(Files.size(png)).as("a blank 1280x2000 PNG is a few KB").isGreaterThan(40_000);
        byte[] header = Files.readAllBytes(png);
        assertThat(new String(header, 1, 3, StandardCharsets.ISO_8859_1)).isEqualTo("PNG");
    }

    /** Runs Chromium with a fresh profile, bounded in time, and returns its stdout. */
    private static String run(Path profile, String... args) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path stdout = profile.resolve("stdout.txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(profile.resolve("stderr.txt").toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        assertThat(process.exitValue()).as("chromium exit code; stderr: %s",
                Files.readString(profile.resolve("stderr.txt"))).isZero();
        return Files.readString(stdout);
    }
}
