package io.maildrill.report.html;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SvgChartTest {

    @Test
    void barChartDrawsOneBarPerSeriesAndCategoryWithEscapedText() {
        String svg = SvgChart.bars("Throughput <msgs>", "msgs/s")
                .add("maildrill", "POP3", 40_000).add("Jakarta Mail", "POP3", 20_000)
                .add("maildrill", "IMAP", 30_000).toSvg();

        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg.split("<rect x=", -1).length - 1).as("3 bars + 2 legend keys").isEqualTo(5);
        assertThat(svg).contains("Throughput &lt;msgs&gt;").doesNotContain("<msgs>");
        assertThat(svg).contains(">40k</text>", ">30k</text>").as("y axis rounded up to a nice maximum");
    }

    @Test
    void lineChartOnLogAxisPlacesDecadesEvenly() {
        String svg = SvgChart.lines("scaling", "messages", "msgs/s").logX()
                .add("a", 1_000, 10).add("a", 10_000, 10).add("a", 100_000, 10).toSvg();

        assertThat(svg).contains("<polyline");
        String points = svg.replaceAll("(?s).*points=\"([^\"]+)\".*", "$1");
        String[] xy = points.split(" ");
        double x0 = Double.parseDouble(xy[0].split(",")[0]);
        double x1 = Double.parseDouble(xy[1].split(",")[0]);
        double x2 = Double.parseDouble(xy[2].split(",")[0]);
        assertThat(x1 - x0).isCloseTo(x2 - x1, org.assertj.core.data.Offset.offset(0.2));
    }

    @Test
    void rejectsValuesAChartCannotShow() {
        assertThatThrownBy(() -> SvgChart.bars("t", "u").add("s", "c", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SvgChart.lines("t", "x", "u").logX().add("s", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SvgChart.bars("t", "u").toSvg()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void longCategoryLabelsWrapToTwoLines() {
        assertThat(SvgChart.wrap("IMAP FETCH ENVELOPE 1:*", 12)).containsExactly("IMAP FETCH", "ENVELOPE 1:*");
        assertThat(SvgChart.wrap("short", 12)).containsExactly("short");
        assertThat(SvgChart.wrap("IMAP BODY.PEEK[HEADER] and more words", 12).get(1)).hasSize(12).endsWith("\u2026");
    }

    @Test
    void yAxisEndsAtARoundTopWithRoundSteps() {
        assertThat(SvgChart.niceScale(3)).containsExactly(4, 4);
        assertThat(SvgChart.niceScale(228)).containsExactly(250, 5);
        assertThat(SvgChart.niceScale(22)).containsExactly(25, 5);
        assertThat(SvgChart.niceScale(40_000)).containsExactly(40_000, 4);
        assertThat(SvgChart.niceScale(1.1)).containsExactly(1.25, 5);
        assertThat(SvgChart.niceScale(0)).containsExactly(1, 4);
        assertThat(List.of(0.25, 1.25, 7.5, 44.54, 1_250.0, 12_345.0, 0.0, 100.0).stream().map(SvgChart::compact))
                .containsExactly("0.25", "1.25", "7.5", "44.5", "1.25k", "12.3k", "0", "100");
    }

    @Test
    void timelineTicksRoundDurationsFromZero() {
        assertThat(SvgChart.timeTicks(20.04)).containsExactly(0.0, 5.0, 10.0, 15.0, 20.0);
        assertThat(SvgChart.timeTicks(1200)).containsExactly(0.0, 300.0, 600.0, 900.0, 1200.0);
        assertThat(SvgChart.timeTicks(0.5)).containsExactly(0.0);
        assertThat(SvgChart.timeTicks(30 * 86400.0)).hasSizeLessThanOrEqualTo(9);
        assertThat(List.of(45.0, 90.0, 3600.0, 5400.0).stream().map(SvgChart::duration))
                .containsExactly("45s", "1m30s", "1h", "1h30m");
        assertThatThrownBy(() -> SvgChart.timeline("t", "u").add("s", -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongTimelineIsALineWithoutDots() {
        SvgChart chart = SvgChart.timeline("t", "u");
        for (int i = 1; i <= 600; i++) {
            chart.add("s", i, i % 7);
        }
        String svg = chart.toSvg();

        assertThat(svg).doesNotContain("<circle").contains("data-series=\"s\"");
        assertThat(svg.split("class=\"tick\">", -1).length - 1).as("5 y ticks + 0..10m by 2m").isEqualTo(5 + 6);
    }

    @Test
    void legendWrapsAndTheChartGrowsByItsRows() {
        SvgChart few = SvgChart.timeline("t", "u").add("LOGIN", 1, 1).add("FETCH", 1, 2);
        SvgChart many = SvgChart.timeline("t", "u");
        for (int i = 0; i < 12; i++) {
            many.add("COMMAND" + i, 1, i);
        }

        assertThat(few.toSvg()).contains("viewBox=\"0 0 560 300\"");
        assertThat(many.toSvg()).contains("viewBox=\"0 0 560 336\"");
    }

    @Test
    void declaredSeriesKeepTheirColourWhenOthersAreMissing() {
        String svg = SvgChart.timeline("t", "u").series(List.of("LOGIN", "STORE")).add("STORE", 1, 1).toSvg();

        assertThat(svg).contains("stroke=\"#f59e0b\" data-series=\"STORE\"").doesNotContain("data-series=\"LOGIN\"");
        assertThat(svg).contains(">LOGIN</text>").as("the legend still names it");
    }
}
