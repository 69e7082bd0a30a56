package io.maildrill.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A tiny inline-SVG chart builder: grouped bar charts (categories on x, one bar per series side by side),
 * line charts (numeric x, optionally logarithmic, one line per series) and timelines (line charts over seconds
 * since a start, ticked at round durations, for a load run's hundreds of points). The y axis starts at zero; the
 * legend wraps onto more rows, and the chart grows by them, when the series do not fit on one. Output is an
 * {@code <svg>} element for direct inclusion in HTML; all text is escaped. No scripts, no external references.
 *
 * <pre>{@code
 * String svg = SvgChart.bars("Throughput at 1M messages", "msgs/s")
 *         .add("maildrill", "POP3 RETR all", 41_000).add("Jakarta Mail", "POP3 RETR all", 24_000).toSvg();
 * }</pre>
 */
public final class SvgChart {

    // Twelve colours: a load run has a dozen command kinds, and a repeated colour would make two lines one.
    private static final String[] PALETTE = {"#2563eb", "#f59e0b", "#10b981", "#db2777", "#7c3aed", "#0891b2",
        "#65a30d", "#dc2626", "#4b5563", "#ea580c", "#0d9488", "#a21caf"};
    private static final int WIDTH = 560;
    private static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 58;
    private static final int LEGEND_ROW = 18;
    /** Past this many points a line is drawn without a dot per point: 600 dots would be a smear, not data. */
    private static final int MAX_DOTS = 60;
    /** Round tick steps of a timeline, in seconds. */
    private static final long[] TIME_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600,
        43200, 86400};
    private static final int MAX_TIME_TICKS = 8;

    private enum Kind { BARS, LINES }

    private record Point(String series, String category, double x, double y) {
    }

    private final Kind kind;
    private final String title;
    private final String xLabel;
    private final String yUnit;
    private final List<Point> points = new ArrayList<>();
    private final List<String> order = new ArrayList<>();
    private boolean logX;
    private boolean timeX;

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

    /**
     * A line chart over time: x is seconds since the start (the axis begins at 0 and is ticked at round durations
     * such as {@code 30s}, {@code 1m}, {@code 1h30m}); add points with {@link #add(String, double, double)}.
     */
    public static SvgChart timeline(String title, String yUnit) {
        SvgChart chart = new SvgChart(Kind.LINES, title, "time since start", yUnit);
        chart.timeX = true;
        return chart;
    }

    /** Adds one line point of {@code series}. */
    public SvgChart add(String series, double x, double y) {
        requireKind(Kind.LINES);
        if (!Double.isFinite(x) || (logX && x <= 0) || (timeX && x < 0)) {
            throw new IllegalArgumentException("x: " + x + (logX ? " (expected: > 0 on a log axis)"
                    : timeX ? " (expected: seconds since the start, >= 0)" : " (expected: finite)"));
        }
        points.add(new Point(series, "", x, checkY(y)));
        return this;
    }

    /**
     * Fixes the order, and so the colours and legend, of these series ahead of their points, so that charts drawn
     * from the same data give a series the same colour even where it appears late or has no points at all.
     */
    public SvgChart series(List<String> names) {
        names.forEach(name -> {
            if (!order.contains(name)) {
                order.add(name);
            }
        });
        return this;
    }

    /** Uses a base-10 logarithmic x axis (mailbox sizes from 1 000 to 1 000 000). Line charts only. */
    public SvgChart logX() {
        requireKind(Kind.LINES);
        if (timeX) {
            throw new IllegalStateException("a timeline's x axis is linear time");
        }
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
        double[] scale = niceScale(points.stream().mapToDouble(Point::y).max().orElse(1));
        double yMax = scale[0];
        List<Double> legendX = new ArrayList<>();
        int legendRows = legendLayout(legendX);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT + (legendRows - 1) * LEGEND_ROW)
                .append("\" role=\"img\" aria-label=\"").append(HtmlEscaper.escape(title)).append("\">")
                .append("<title>").append(HtmlEscaper.escape(title)).append("</title>");
        text(svg, LEFT, 22, "start", "chart-title", title);
        yAxis(svg, yMax, (int) scale[1]);
        if (kind == Kind.BARS) {
            bars(svg, yMax);
        } else {
            lines(svg, yMax);
        }
        legend(svg, legendX);
        return svg.append("</svg>").toString();
    }

    private void yAxis(StringBuilder svg, double yMax, int ticks) {
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
        List<String> series = seriesNames();
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
        List<String> series = seriesNames();
        double xMin = timeX ? 0 : points.stream().mapToDouble(p -> scaleX(p.x())).min().orElse(0);
        double xMax = points.stream().mapToDouble(p -> scaleX(p.x())).max().orElse(1);
        double span = xMax - xMin == 0 ? 1 : xMax - xMin;
        Set<Double> xs = new java.util.TreeSet<>();
        if (timeX) {
            xs.addAll(timeTicks(xMax));
        } else {
            points.forEach(p -> xs.add(p.x()));
        }
        for (double x : xs) {
            double px = LEFT + 12 + (scaleX(x) - xMin) / span * (plotWidth() - 24);
            text(svg, px, TOP + plotHeight() + 16, "middle", "tick", timeX ? duration(x) : compact(x));
        }
        text(svg, LEFT + plotWidth() / 2, TOP + plotHeight() + 32, "middle", "axis-label", xLabel);
        for (int s = 0; s < series.size(); s++) {
            String name = series.get(s);
            List<Point> line = points.stream().filter(p -> p.series().equals(name))
                    .sorted(java.util.Comparator.comparingDouble(Point::x)).toList();
            if (line.isEmpty()) {
                continue;
            }
            StringBuilder path = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            boolean dotted = line.size() <= MAX_DOTS;
            for (Point p : line) {
                double px = LEFT + 12 + (scaleX(p.x()) - xMin) / span * (plotWidth() - 24);
                double py = yFor(p.y(), yMax);
                path.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                if (dotted) {
                    dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\"><title>%s</title></circle>",
                            px, py, timeX ? "2.5" : "3.5", color(s), HtmlEscaper.escape(name + " @ "
                                    + (timeX ? duration(p.x()) : compact(p.x())) + ": " + compact(p.y()) + " " + yUnit)));
                }
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"").append(timeX ? "1.8" : "2.5").append("\" stroke=\"")
                    .append(color(s)).append("\" data-series=\"").append(HtmlEscaper.escape(name))
                    .append("\" points=\"").append(path.toString().trim()).append("\"><title>").append(HtmlEscaper.escape(name))
                    .append("</title></polyline>").append(dots);
        }
    }

    /** Places each series' legend key (its x into {@code xs}, rows by a jump back to LEFT); returns the rows. */
    private int legendLayout(List<Double> xs) {
        int rows = 1;
        double x = LEFT;
        for (String name : seriesNames()) {
            double width = 36 + name.length() * 7;
            if (x > LEFT && x + width - 18 > WIDTH - RIGHT) {
                rows++;
                x = LEFT;
            }
            xs.add(x);
            x += width;
        }
        return rows;
    }

    private void legend(StringBuilder svg, List<Double> xs) {
        List<String> series = seriesNames();
        double y = HEIGHT - 12 - LEGEND_ROW;
        for (int s = 0; s < series.size(); s++) {
            if (s == 0 || xs.get(s) <= xs.get(s - 1)) {
                y += LEGEND_ROW;
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" rx=\"2\" fill=\"%s\"/>",
                    xs.get(s), y - 10, color(s)));
            text(svg, xs.get(s) + 18, y, "start", "legend", series.get(s));
        }
    }

    /** Ticks of a timeline from 0 to {@code max} seconds at the smallest round step giving at most eight of them. */
    static List<Double> timeTicks(double max) {
        long step = TIME_STEPS[TIME_STEPS.length - 1];
        for (long candidate : TIME_STEPS) {
            if (max / candidate <= MAX_TIME_TICKS) {
                step = candidate;
                break;
            }
        }
        while (max / step > MAX_TIME_TICKS) {
            step *= 2;
        }
        List<Double> ticks = new ArrayList<>();
        for (long t = 0; t <= max + 1e-9; t += step) {
            ticks.add((double) t);
        }
        return ticks;
    }

    /** 45 → "45s", 90 → "1m30s", 3600 → "1h", 5400 → "1h30m"; fractions of a second are rounded. */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
        }
        long minutes = (s % 3600) / 60;
        return s / 3600 + "h" + (minutes == 0 ? "" : minutes + "m");
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

    private List<String> seriesNames() {
        Set<String> names = new LinkedHashSet<>(order);
        points.forEach(p -> names.add(p.series()));
        return List.copyOf(names);
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /**
     * The y axis' top and its number of steps: the lowest top reached by 4 or 5 equal steps of 1, 2, 2.5 or 5
     * times a power of ten, so that every tick label is round (0, 25, 50 … rather than 0, 62.5, 125 …).
     */
    static double[] niceScale(double max) {
        if (max <= 0) {
            return new double[] {1, 4};
        }
        double[] best = {Double.MAX_VALUE, 4};
        for (int ticks = 4; ticks <= 5; ticks++) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(max / ticks)));
            for (double step : new double[] {1, 2, 2.5, 5, 10}) {
                double top = step * magnitude * ticks;
                if (top >= max * (1 - 1e-12)) {
                    if (top < best[0]) {
                        best = new double[] {top, ticks};
                    }
                    break;
                }
            }
        }
        return best;
    }

    /**
     * 1 234 → "1.23k", 12 345 → "12.3k", 1 000 000 → "1M"; whole numbers below 1 000 stay exact; two decimals below
     * 10 (1.25, so a tick is labelled what it is) and three below 1 (0.125 ms).
     */
    public static String compact(double value) {
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
        if (abs < 1 && abs > 0) {
            String text = String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
            return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        }
        return trim(value);
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, Math.abs(value) < 10 ? "%.2f" : "%.1f", value).replaceAll("\\.?0+$", "");
        return text.equals("-0") ? "0" : text;
    }
}
