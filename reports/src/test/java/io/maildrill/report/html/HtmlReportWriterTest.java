package io.maildrill.report.html;

import io.maildrill.report.SampleRuns;
import io.maildrill.report.model.RunResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportWriterTest {

    private final RunResult run = SampleRuns.all();
    private final String html = new HtmlReportWriter().render(run, SampleRuns.benchmarks(), SampleRuns.catalogText());

    @Test
    void fetchesNothingFromOutside() {
        assertThat(Pattern.compile("(?i)\\b(src|href|action|xmlns)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(html).find()).isFalse();
        assertThat(html).doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("@import").doesNotContain("url(");
        assertThat(html).contains("default-src 'none'");
        // The hostile transcript's URL is present, but only as escaped text.
        assertThat(html).contains("http://evil.example/x.js");
    }

    @Test
    void escapesMarkupAndControlBytesFromServers() {
        assertThat(html).doesNotContain("<script>alert");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;");
        assertThat(html).contains("\\x1B[31mred\\x00\\x07\\x7F\\x85");
        assertThat(html.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')).isEmpty();
        // Requirement text is escaped too.
        assertThat(html).contains("&lt;not even on RST&gt;");
        // Exactly one script element: ours.
        assertThat(html.split("<script>", -1)).hasSize(2);
    }

    @Test
    void showsSummaryFiltersScriptsFailuresAndCoverage() {
        assertThat(html).contains("id=\"summary\"", "id=\"scripts\"", "id=\"catalog\"", "id=\"benchmarks\"");
        assertThat(html).contains("3 new failures");
        for (String filter : List.of("all", "failed", "error", "fixed", "expected-failure", "skipped", "passed")) {
            assertThat(html).contains("data-filter=\"" + filter + "\"");
        }
        assertThat(html.split("<details class=\"script\"", -1)).hasSize(run.scripts().size() + 1);
        assertThat(html).contains("<code>pop3/deletion/abort-keeps-messages.script:14</code>");
        assertThat(html).contains("<h4>expected</h4><pre>+OK 3 *</pre>", "<h4>actual</h4><pre>+OK 2 1840</pre>");
        assertThat(html).contains("DELE n only marks the message");
        assertThat(html).contains("server lacks capability IDLE", "GreenMail does not lock the maildrop");
        // Percent of judged scripts: passed 2 + fixed 1 of 8 - 1 skipped.
        assertThat(html).contains("<div class=\"num\">43%</div>");
    }

    @Test
    void benchmarkSectionDrawsBarAndLineChartsWithBothSeries() {
        int charts = html.split("<svg class=\"chart\"", -1).length - 1;
        assertThat(charts).isEqualTo(1 + 3);
        assertThat(html).contains("Score per workload at 1M messages", "IMAP FETCH ENVELOPE 1:* vs mailbox size");
        assertThat(html).contains(">maildrill</text>", ">Jakarta Mail</text>");
        assertThat(html).contains("<polyline");
    }

    @Test
    void omitsBenchmarksWhenThereAreNone() {
        String plain = new HtmlReportWriter().render(run, List.of(), Map.of());

        assertThat(plain).doesNotContain("id=\"benchmarks\"", "<svg");
    }
}
