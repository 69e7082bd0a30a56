package io.maildrill.load;

import io.maildrill.report.load.LoadReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The run over time for the report's charts: a point per interval, thinned by merging neighbours
 * once there are more than {@value #MAX_POINTS}, so a day-long run keeps a report of kilobytes.
 * Exact percentiles over the whole run come from the histograms, not from here.
 */
public final class Timeline implements LoadListener {

    static final int MAX_POINTS = 600;

    private final List<LoadReport.Point> points = new ArrayList<>();

    @Override
    public synchronized void interval(Instant start, Instant end, List<CommandStats.Interval> kinds, int activeSessions,
                                      long violations) {
        List<LoadReport.KindPoint> perKind = new ArrayList<>();
        long errors = 0;
        for (CommandStats.Interval kind : kinds) {
            errors += kind.errors();
            boolean any = kind.latencies().getTotalCount() > 0;
            perKind.add(new LoadReport.KindPoint(kind.kind(), kind.completed(),
                    any ? kind.latencies().getValueAtPercentile(50) / 1000.0 : 0,
                    any ? kind.latencies().getValueAtPercentile(99) / 1000.0 : 0));
        }
        points.add(new LoadReport.Point(start.toEpochMilli(), end.toEpochMilli(), activeSessions, errors, violations, perKind));
        if (points.size() > MAX_POINTS) {
            List<LoadReport.Point> thinned = thin(points);
            points.clear();
            points.addAll(thinned);
        }
    }

    public synchronized List<LoadReport.Point> points() {
        return List.copyOf(points);
    }

    /** Merges each pair of neighbours into one point. */
    static List<LoadReport.Point> thin(List<LoadReport.Point> points) {
        List<LoadReport.Point> thinned = new ArrayList<>();
        for (int i = 0; i < points.size(); i += 2) {
            thinned.add(i + 1 < points.size() ? points.get(i).followedBy(points.get(i + 1)) : points.get(i));
        }
        return thinned;
    }
}
