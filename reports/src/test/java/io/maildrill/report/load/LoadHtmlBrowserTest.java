package io.maildrill.report.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.maildrill.report.HeadlessChromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders {@code load.html} in headless Chromium: the browser must log nothing to the console (a blocked script or
 * fetch would be logged as a Content-Security-Policy violation), the DOM must hold the charts and the violation's
 * server bytes as text, not markup, and a screenshot must show something. Skipped when {@code /usr/bin/chromium}
 * is absent. The page and screenshot are kept as {@code target/load-sample.html} and {@code .png} for a human look.
 */
class LoadHtmlBrowserTest {

    @TempDir
    Path dir;

    @Test
    void rendersInHeadlessChromiumWithoutConsoleMessagesAndWithItsCharts() throws Exception {
        assumeTrue(HeadlessChromium.available(), "headless browser test needs " + HeadlessChromium.BINARY + " (apt-get install chromium)");
        Path html = LoadHtmlWriter.write(SampleLoadReports.failed(), dir);

        Path dump = dir.resolve("dump");
        String dom = HeadlessChromium.run(dump, "--enable-logging=stderr", "--v=0", "--dump-dom", html.toUri().toString());
        assertThat(dom).contains("id=\"verdict\"", "id=\"totals\"", "id=\"timeline\"", "id=\"kinds\"", "id=\"rules\"");
        assertThat(dom.split("<svg class=\"chart\"", -1)).hasSize(7);
        assertThat(dom).contains("&lt;script&gt;alert('x')&lt;/script&gt;").doesNotContain("<script");
        assertThat(Files.readString(dump.resolve("stderr.txt")).lines().filter(l -> l.contains(":CONSOLE"))).isEmpty();

        Files.copy(html, Path.of("target", "load-sample.html"), StandardCopyOption.REPLACE_EXISTING);
        Path png = Path.of("target", "load-sample.png").toAbsolutePath();
        Files.deleteIfExists(png);
        HeadlessChromium.run(dir.resolve("shot"), "--screenshot=" + png, "--window-size=1280,2400", "--hide-scrollbars",
                html.toUri().toString());
        assertThat(png).exists();
        assertThat(Files.size(png)).as("a blank 1280x2400 PNG is a few KB").isGreaterThan(40_000);
        assertThat(new String(Files.readAllBytes(png), 1, 3, StandardCharsets.ISO_8859_1)).isEqualTo("PNG");
    }
}
