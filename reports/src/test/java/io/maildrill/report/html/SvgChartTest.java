package io.maildrill.report.html;

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
        assertThat(svg).contains(">50k</text>").as("y axis rounded up to a nice maximum");
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
}
