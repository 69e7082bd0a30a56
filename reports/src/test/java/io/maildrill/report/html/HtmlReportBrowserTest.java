package io.maildrill.report.html;

import io.maildrill.report.HeadlessChromium;
import io.maildrill.report.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders the report in headless Chromium: the script must run (the DOM gets {@code data-js="ready"}) and a
 * screenshot must be produced. Skipped when {@code /usr/bin/chromium} is absent. The screenshot is kept in
 * {@code target/report-sample.png} (page in {@code target/report-sample.html}) for a human look.
 */
class HtmlReportBrowserTest {


    @TempDir
    Path dir;

    @Test
    void rendersInHeadlessChromiumWithScriptRunAndScreenshot() throws Exception {
        assumeTrue(HeadlessChromium.available(), "headless browser test needs " + HeadlessChromium.BINARY + " (apt-get install chromium)");
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

    private static String run(Path profile, String... args) throws IOException, InterruptedException {
        return HeadlessChromium.run(profile, args);
    }
}
