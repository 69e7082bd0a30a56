package io.maildrill.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A tiny inline-SVG chart builder: grouped bar charts (categories on x, one bar per series side by side) and
 * line charts (numeric x, optionally logarithmic, one line per series). The y axis starts at zero. Output is an
 * {@code <svg>} element for direct inclusion in HTML; all text is escaped. No scripts, no external references.
 *
 * <pre>{@code
 * String svg = SvgChart.bars("Throughput at 1M messages", "msgs/s")
 *         .add("maildrill", "POP3 RETR all", 41_000).add("Jakarta Mail", "POP3 RETR all", 24_000).toSvg();
 * }</pre>
 */
public final class SvgChart {

    private static final String[] PALETTE = {"#2563eb", "#f59e0b", "#10b981", "#db2777", "#7c3aed", "#0891b2"};
    private static final int WIDTH = 560;
    private static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 58;

    private enum Kind { BARS, LINES }

    private record Point(String series, String category, double x, double y) {
    }

    private final Kind kind;
    private final String title;
    private final String xLabel;
    private final String yUnit;
    private final List<Point> points = new ArrayList<>();
    private boolean logX;

    private SvgChart(Kind kind, String title, String xLabel, String yUnit) {
        this.kind = kind;
        this.title = title;
        this.xLabel = xLabel;
        this.yUnit = yUnit;
    }

    /** A grouped bar chart; add values with {@link #add(String, String, double)}. */
    public static SvgChart bars(String title, String yUnit) {
        return new SvgChart(Kind.BARS, title, "", yUnit);
    }

    /** A line chart; add points with {@link #add(String, double, double)}. */
    public static SvgChart lines(String title, String xLabel, String yUnit) {
        return new SvgChart(Kind.LINES, title, xLabel, yUnit);
    }

    /** Adds one bar: {@code value} of {@code series} in {@code category}. */
    public SvgChart add(String series, String category, double value) {
        requireKind(Kind.BARS);
        points.add(new Point(series, category, 0, checkY(value)));
        return this;
    }

    /** Adds one line point of {@code series}. */
    public SvgChart add(String series, double x, double y) {
        requireKind(Kind.LINES);
        if (!Double.isFinite(x) || (logX && x <= 0)) {
            throw new IllegalArgumentException("x: " + x + (logX ? " (expected: > 0 on a log axis)" : " (expected: finite)"));
        }
        points.add(new Point(series, "", x, checkY(y)));
        return this;
    }

    /** Uses a base-10 logarithmic x axis (mailbox sizes from 1 000 to 1 000 000). Line charts only. */
    public SvgChart logX() {
        requireKind(Kind.LINES);
        for (Point p : points) {
            if (p.x() <= 0) {
                throw new IllegalArgumentException("x: " + p.x() + " (expected: > 0 on a log axis)");
            }
        }
        logX = true;
        return this;
    }

    /** Renders the chart as an {@code <svg>} element. */
    public String toSvg() {
        if (points.isEmpty()) {
            throw new IllegalStateException("chart '" + title + "' has no data");
        }
        double yMax = niceCeiling(points.stream().mapToDouble(Point::y).max().orElse(1));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(HtmlEscaper.escape(title)).append("\">")
                .append("<title>").append(HtmlEscaper.escape(title)).append("</title>");
        text(svg, LEFT, 22, "start", "chart-title", title);
        yAxis(svg, yMax);
        if (kind == Kind.BARS) {
            bars(svg, yMax);
        } else {
            lines(svg, yMax);
        }
        legend(svg);
        return svg.append("</svg>").toString();
    }

    private void yAxis(StringBuilder svg, double yMax) {
        int ticks = 4;
        for (int i = 0; i <= ticks; i++) {
            double value = yMax * i / ticks;
            double y = yFor(value, yMax);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>",
                    LEFT, WIDTH - RIGHT, y, y));
            text(svg, LEFT - 8, y + 4, "end", "tick", compact(value));
        }
        text(svg, 14, TOP + plotHeight() / 2.0, "middle", "axis-label", yUnit,
                String.format(Locale.ROOT, " transform=\"rotate(-90 14 %.1f)\"", TOP + plotHeight() / 2.0));
    }

    private void bars(StringBuilder svg, double yMax) {
        List<String> categories = distinct(points.stream().map(Point::category).toList());
        List<String> series = distinct(points.stream().map(Point::series).toList());
        Map<String, Double> values = new LinkedHashMap<>();
        points.forEach(p -> values.put(p.series() + '\u0000' + p.category(), p.y()));
        double slot = plotWidth() / categories.size();
        double barWidth = Math.min(48, slot * 0.7 / series.size());
        for (int c = 0; c < categories.size(); c++) {
            double groupStart = LEFT + slot * c + (slot - barWidth * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                Double value = values.get(series.get(s) + '\u0000' + categories.get(c));
                if (value == null) {
                    continue;
                }
                double y = yFor(value, yMax);
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\" fill=\"%s\"><title>%s</title></rect>",
                        groupStart + s * barWidth + 1, y, barWidth - 2, TOP + plotHeight() - y, color(s),
                        HtmlEscaper.escape(series.get(s) + " · " + categories.get(c) + ": " + compact(value) + " " + yUnit)));
            }
            List<String> label = wrap(categories.get(c), (int) (slot / 6.5));
            for (int l = 0; l < label.size(); l++) {
                text(svg, LEFT + slot * c + slot / 2, TOP + plotHeight() + 16 + l * 13, "middle", "tick", label.get(l));
            }
        }
    }

    private void lines(StringBuilder svg, double yMax) {
        List<String> series = distinct(points.stream().map(Point::series).toList());
        double xMin = points.stream().mapToDouble(p -> scaleX(p.x())).min().orElse(0);
        double xMax = points.stream().mapToDouble(p -> scaleX(p.x())).max().orElse(1);
        double span = xMax - xMin == 0 ? 1 : xMax - xMin;
        Set<Double> xs = new java.util.TreeSet<>();
        points.forEach(p -> xs.add(p.x()));
        for (double x : xs) {
            double px = LEFT + 12 + (scaleX(x) - xMin) / span * (plotWidth() - 24);
            text(svg, px, TOP + plotHeight() + 16, "middle", "tick", compact(x));
        }
        text(svg, LEFT + plotWidth() / 2, TOP + plotHeight() + 32, "middle", "axis-label", xLabel);
        for (int s = 0; s < series.size(); s++) {
            String name = series.get(s);
            List<Point> line = points.stream().filter(p -> p.series().equals(name))
                    .sorted(java.util.Comparator.comparingDouble(Point::x)).toList();
            StringBuilder path = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (Point p : line) {
                double px = LEFT + 12 + (scaleX(p.x()) - xMin) / span * (plotWidth() - 24);
                double py = yFor(p.y(), yMax);
                path.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s</title></circle>",
                        px, py, color(s), HtmlEscaper.escape(name + " @ " + compact(p.x()) + ": " + compact(p.y()) + " " + yUnit)));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(color(s))
                    .append("\" points=\"").append(path.toString().trim()).append("\"/>").append(dots);
        }
    }

    private void legend(StringBuilder svg) {
        List<String> series = distinct(points.stream().map(Point::series).toList());
        double x = LEFT;
        double y = HEIGHT - 12;
        for (int s = 0; s < series.size(); s++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" rx=\"2\" fill=\"%s\"/>",
                    x, y - 10, color(s)));
            text(svg, x + 18, y, "start", "legend", series.get(s));
            x += 36 + series.get(s).length() * 7;
        }
    }

    /** Splits a category label into at most two lines of {@code width} characters, cutting with an ellipsis. */
    static List<String> wrap(String label, int width) {
        int max = Math.max(4, width);
        if (label.length() <= max) {
            return List.of(label);
        }
        int cut = label.lastIndexOf(' ', max);
        String first = cut > 0 ? label.substring(0, cut) : label.substring(0, max);
        String rest = label.substring(first.length()).trim();
        return List.of(first, rest.length() <= max ? rest : rest.substring(0, max - 1) + "…");
    }

    private double scaleX(double x) {
        return logX ? Math.log10(x) : x;
    }

    private double yFor(double value, double yMax) {
        return TOP + plotHeight() - value / yMax * plotHeight();
    }

    private static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String cssClass, String text) {
        text(svg, x, y, anchor, cssClass, text, "");
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String cssClass, String text, String extra) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"%s\"%s>", x, y, anchor, cssClass, extra))
                .append(HtmlEscaper.escape(text)).append("</text>");
    }

    private static String color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    private static double checkY(double y) {
        if (!Double.isFinite(y) || y < 0) {
            throw new IllegalArgumentException("value: " + y + " (expected: finite and >= 0)");
        }
        return y;
    }

    private void requireKind(Kind expected) {
        if (kind != expected) {
            throw new IllegalStateException("this is a " + kind.name().toLowerCase(Locale.ROOT) + " chart");
        }
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /** Rounds up to 1, 2, 2.5 or 5 times a power of ten, so tick labels are round. */
    static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** 1 234 → "1.2k", 1 000 000 → "1M"; whole numbers below 1 000 stay exact. */
    static String compact(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return trim(value / 1e9) + "G";
        }
        if (abs >= 1e6) {
            return trim(value / 1e6) + "M";
        }
        if (abs >= 1e3) {
            return trim(value / 1e3) + "k";
        }
        return trim(value);
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
