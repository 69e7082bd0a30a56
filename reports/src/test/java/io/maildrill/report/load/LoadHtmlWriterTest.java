package io.maildrill.report.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadHtmlWriterTest {

    private final String failed = LoadHtmlWriter.render(SampleLoadReports.failed(), 0);

    @Test
    void escapesTheServerBytesOfAViolationAndEveryOtherText() {
        assertThat(failed).doesNotContain("<script").doesNotContain("<b>unknown");
        assertThat(failed).contains("ENVELOPE (&quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; &amp; \\x1B[31mred\\x00))");
        assertThat(failed).contains("BAD &lt;b&gt;unknown&lt;/b&gt; ×1", "dovecot &amp; friends");
        assertThat(failed).contains("octet count of BODY[] &lt;even for &quot;odd&quot; messages&gt;");
        assertThat(failed.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')).isEmpty();
    }

    @Test
    void fetchesNothingAndRunsNoScript() {
        assertThat(Pattern.compile("(?i)\\b(src|href|action|xmlns)\\s*=").matcher(failed).find()).isFalse();
        assertThat(failed).doesNotContainIgnoringCase("<link").doesNotContain("url(").doesNotContain("@import");
        assertThat(failed).contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
    }

    @Test
    void headerNamesTheRunAndAFailedVerdictSaysWhy() {
        assertThat(failed).contains("profile <code>imaptest</code>", "20 clients", "shard <code>0/1</code>",
                "2026-12-04 18:39:36 UTC → 2026-12-04 18:40:06 UTC", ">30 s<");
        assertThat(failed).contains("<div class=\"verdict bad\" id=\"verdict\">FAIL<span class=\"why\">"
                + "5 violations of 1 oracle rule; 3 errors, more than --max-errors 0</span>");
    }

    @Test
    void totalsCountWhatTheServerPushedDuringIdle() {
        assertThat(failed).contains("<div class=\"num\">120</div><div class=\"cap\">pushed during IDLE (30 EXISTS)</div>");
    }

    @Test
    void verdictPassesWithinTheErrorBudget() {
        assertThat(LoadHtmlWriter.render(SampleLoadReports.passed(), 0))
                .contains("verdict good\" id=\"verdict\">PASS<span class=\"why\">no violations; 0 errors within --max-errors 0");
        LoadReport errorsOnly = new LoadReport("p", "t", List.of("0/2", "1/2"), "2026-01-01T00:00:00Z", "2026-01-01T00:00:10Z", 2,
                new LoadReport.Totals(100, 0, 3, 0, 0, 0), List.of(), List.of(), List.of());
        assertThat(LoadHtmlWriter.render(errorsOnly, 5)).contains(">PASS<", "3 errors within --max-errors 5",
                "shards <code>0/2, 1/2</code>").as("no IDLE, no tile for it").doesNotContain("pushed during IDLE");
        assertThat(LoadHtmlWriter.render(errorsOnly, 2)).contains(">FAIL<", "3 errors, more than --max-errors 2");
    }

    @Test
    void chartsOverTimeDrawEverySeriesFromTheTimeline() {
        assertThat(count(failed, "<svg class=\"chart\"")).isEqualTo(6);
        for (String title : List.of("Commands per second, all kinds", "Active sessions", "Commands per second by kind",
                "Errors and violations per second", "p50 latency by kind", "p99 latency by kind")) {
            assertThat(failed).contains("<title>" + title + "</title>");
        }
        for (String kind : List.of("LOGIN", "FETCH", "NOOP", "STORE")) {
            assertThat(count(failed, "data-series=\"" + kind + "\"")).as(kind + ": by kind, p50, p99").isEqualTo(3);
        }
        assertThat(failed).contains("data-series=\"all kinds\"", "data-series=\"sessions\"", "data-series=\"errors\"",
                "data-series=\"violations\"");
        // Points at each second's end: the x axis runs 0..30 s in 5 s ticks.
        assertThat(failed).contains(">0s</text>", ">5s</text>", ">30s</text>").doesNotContain(">35s</text>");
    }

    @Test
    void idleSecondsLeaveGapsInLatencyNotZeros() {
        // NOOP completed nothing in 6 of the 30 seconds: 30 throughput points, 24 latency points.
        assertThat(points(failed, "NOOP")).containsExactly(30, 24, 24);
        assertThat(points(failed, "STORE")).containsExactly(20, 20, 20);
    }

    @Test
    void aLastStretchUnderHalfASecondJoinsThePointBeforeInsteadOfDroppingTheLines() {
        LoadReport run = SampleLoadReports.failed();
        List<LoadReport.Point> timeline = new java.util.ArrayList<>(run.timeline());
        long end = timeline.get(timeline.size() - 1).endMillis();
        timeline.add(new LoadReport.Point(end, end + 40, 0, 1, 2, List.of(new LoadReport.KindPoint("LOGIN", 3, 0.3, 0.9))));
        LoadReport withTail = new LoadReport(run.profile(), run.target(), run.shards(), run.start(), run.end(), run.clients(),
                run.totals(), run.kinds(), run.rules(), timeline);

        String html = LoadHtmlWriter.render(withTail, 0);

        assertThat(points(html, "sessions")).containsExactly(30);
        // The last second had 12 LOGINs (10 + 29 % 3) and no error; with the tail, 15 LOGINs and 1 error in 1.04 s.
        assertThat(html).contains("LOGIN @ 30s: 14.4 commands/s", "errors @ 30s: 0.962 per second", "sessions @ 30s: 0 sessions");
    }

    @Test
    void aKindKeepsItsColourInEveryChartEvenWhenItStartsLate() {
        Matcher m = Pattern.compile("stroke=\"(#[0-9a-f]{6})\" data-series=\"STORE\"").matcher(failed);
        List<String> colours = m.results().map(r -> r.group(1)).toList();
        assertThat(colours).hasSize(3).containsOnly(colours.get(0));
    }

    @Test
    void anEmptyTimelineRendersTheTablesAndANoteInsteadOfCharts() {
        String html = LoadHtmlWriter.render(SampleLoadReports.withoutTimeline(), 0);

        assertThat(html).doesNotContain("<svg").contains("No timeline: the run ended before its first interval");
        assertThat(html).contains("id=\"totals\"", "id=\"kinds\"", "id=\"rules\"", "&lt;script&gt;", ">FAIL<");
        assertThat(html).contains("<div class=\"num\">0</div><div class=\"cap\">most sessions open</div>");
    }

    @Test
    void aLongRunDrawsLinesWithoutAThousandDotsOrTicks() {
        String html = LoadHtmlWriter.render(SampleLoadReports.longRun(), 0);

        assertThat(count(html, "<svg class=\"chart\"")).isEqualTo(6);
        assertThat(html).doesNotContain("<circle");
        assertThat(points(html, "FETCH")).containsExactly(600, 600, 600);
        assertThat(html).contains(">5m</text>", ">20m</text>", "600 points over 20m", "<span>20m</span>").doesNotContain(">2m</text>");
    }

    @Test
    void tablesListEveryKindAndRuleViolatedFirst() {
        assertThat(failed).contains("<th scope=\"row\"><code>FETCH</code></th><td class=\"n\">2,370</td><td class=\"n\">79.0</td>");
        assertThat(failed).contains("<td class=\"n\">3.90</td><td class=\"n\">8.00</td><td class=\"n\">14.00</td>");
        assertThat(failed.indexOf("data-rule=\"size-matches-body\"")).isLessThan(failed.indexOf("data-rule=\"exists-never-shrinks\""));
        assertThat(failed).contains("<code>I53</code></td><td>RFC 3501 §2.3.4</td><td class=\"n\">5</td>");
        assertThat(failed).contains("first violations (3 of 5)");
        // The row names the rule; its examples start where the violation happened, and the third folds away.
        assertThat(failed).contains("<pre class=\"example\">in session A3, during FETCH 1:*: the server sent",
                "<pre class=\"example\">in session B1", "<details><summary>1 more</summary><pre class=\"example\">in session B2");
    }

    @Test
    void writesLoadHtmlIntoTheDirectory(@TempDir Path dir) throws Exception {
        Path file = LoadHtmlWriter.write(SampleLoadReports.failed(), dir.resolve("new"));

        assertThat(file).isEqualTo(dir.resolve("new").resolve("load.html"));
        assertThat(Files.readString(file)).isEqualTo(failed);
    }

    /** How many points each line of {@code series} has, chart by chart. */
    private static List<Integer> points(String html, String series) {
        Matcher m = Pattern.compile("data-series=\"" + Pattern.quote(series) + "\" points=\"([^\"]*)\"").matcher(html);
        return m.results().map(r -> r.group(1).split(" ").length).toList();
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
