package io.maildrill.report.load;

import io.maildrill.report.html.SvgChart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The load report's charts over time, drawn from {@link LoadReport#timeline()}: commands per second (all kinds,
 * and by kind), active sessions, errors and violations per second, p50 and p99 latency by kind. A point is
 * plotted at its end, in seconds since the first point's start. Counts become rates over the point's length (a
 * thinned point spans several seconds). The run's last stretch is usually a fraction of a second in which the users
 * log out; under half a second it joins the point before, so the end of a run is neither a spike nor a cliff.
 * A kind's latency is plotted only where it completed commands: an idle second has no percentile, not zero.
 */
final class LoadTimelineCharts {

    private static final long SHORT_TAIL_MILLIS = 500;

    private LoadTimelineCharts() {
    }

    static void render(LoadReport report, StringBuilder html) {
        html.append("<section class=\"card\" id=\"timeline\"><h2>Over time");
        List<LoadReport.Point> timeline = new ArrayList<>(report.timeline().stream()
                .sorted(Comparator.comparingLong(LoadReport.Point::startMillis)).toList());
        int n = timeline.size();
        if (n >= 2 && timeline.get(n - 1).endMillis() - timeline.get(n - 1).startMillis() < SHORT_TAIL_MILLIS) {
            timeline.set(n - 2, timeline.get(n - 2).followedBy(timeline.remove(n - 1)));
        }
        if (timeline.isEmpty()) {
            html.append("</h2><p class=\"note\">No timeline: the run ended before its first interval was recorded.</p></section>");
            return;
        }
        LoadReport.Point last = timeline.get(timeline.size() - 1);
        html.append("<span class=\"muted\">").append(timeline.size()).append(" points over ")
                .append(LoadHtmlWriter.length((last.endMillis() - timeline.get(0).startMillis()) / 1000.0))
                .append("</span></h2><div class=\"charts\">");

        List<String> kinds = kindOrder(report, timeline);
        SvgChart all = SvgChart.timeline("Commands per second, all kinds", "commands/s");
        SvgChart sessions = SvgChart.timeline("Active sessions", "sessions");
        SvgChart byKind = SvgChart.timeline("Commands per second by kind", "commands/s").series(kinds);
        SvgChart trouble = SvgChart.timeline("Errors and violations per second", "per second");
        SvgChart p50 = SvgChart.timeline("p50 latency by kind", "ms").series(kinds);
        SvgChart p99 = SvgChart.timeline("p99 latency by kind", "ms").series(kinds);
        long origin = timeline.get(0).startMillis();
        long violationsBefore = 0;
        boolean anyKind = false;
        boolean anyLatency = false;
        for (LoadReport.Point point : timeline) {
            double x = Math.max(0, point.endMillis() - origin) / 1000.0;
            double seconds = Math.max(0.001, (point.endMillis() - point.startMillis()) / 1000.0);
            long commands = 0;
            for (LoadReport.KindPoint kind : point.kinds()) {
                anyKind = true;
                commands += kind.count();
                byKind.add(kind.kind(), x, kind.count() / seconds);
                if (kind.count() > 0) {
                    anyLatency = true;
                    p50.add(kind.kind(), x, kind.p50());
                    p99.add(kind.kind(), x, kind.p99());
                }
            }
            all.add("all kinds", x, commands / seconds);
            sessions.add("sessions", x, point.sessions());
            trouble.add("errors", x, point.errors() / seconds);
            // Violations are counted "so far"; a shard merge can sum them out of step, hence no negative rate.
            trouble.add("violations", x, Math.max(0, point.violations() - violationsBefore) / seconds);
            violationsBefore = Math.max(violationsBefore, point.violations());
        }
        html.append(all.toSvg()).append(sessions.toSvg());
        html.append(anyKind ? byKind.toSvg() : placeholder("Commands per second by kind", "no command kind in the timeline"));
        html.append(trouble.toSvg());
        html.append(anyLatency ? p50.toSvg() : placeholder("p50 latency by kind", "no command completed"));
        html.append(anyLatency ? p99.toSvg() : placeholder("p99 latency by kind", "no command completed"));
        html.append("</div><p class=\"note\">Latency per point is that interval's percentile (for a thinned point, the")
                .append(" count-weighted p50 and the highest p99 of its seconds); the whole run's percentiles, from")
                .append(" its histograms, are in the table below.</p></section>");
    }

    /** The report's kinds in step order, then any the timeline has that the totals do not. */
    private static List<String> kindOrder(LoadReport report, List<LoadReport.Point> timeline) {
        Set<String> kinds = new LinkedHashSet<>();
        report.kinds().forEach(k -> kinds.add(k.kind()));
        timeline.forEach(p -> p.kinds().forEach(k -> kinds.add(k.kind())));
        return new ArrayList<>(kinds);
    }

    private static String placeholder(String title, String why) {
        return "<div class=\"chart-empty\"><b>" + title + "</b><p class=\"note\">" + why + "</p></div>";
    }
}
