package io.maildrill.load;

import io.maildrill.report.load.LoadReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The shards' timelines as one: points starting in the same second of absolute time become one
 * point whose counts, sessions and errors are the shards' sums, whose violations are every
 * shard's count so far, and whose p50 and p99 come from the merged histograms of that stretch.
 */
final class ShardTimeline {

    private ShardTimeline() {
    }

    private record ShardPoint(int shard, LoadReport.Point point) {
    }

    static List<LoadReport.Point> merge(List<List<LoadReport.Point>> timelines, MergedIntervals intervals) {
        TreeMap<Long, List<ShardPoint>> bySecond = new TreeMap<>();
        for (int shard = 0; shard < timelines.size(); shard++) {
            for (LoadReport.Point p : timelines.get(shard)) {
                bySecond.computeIfAbsent(Math.floorDiv(p.startMillis(), 1000), s -> new ArrayList<>())
                        .add(new ShardPoint(shard, p));
            }
        }
        // violations are a running total per shard: a shard without a point in a second still has its count
        long[] violationsSoFar = new long[timelines.size()];
        List<LoadReport.Point> merged = new ArrayList<>();
        for (Map.Entry<Long, List<ShardPoint>> second : bySecond.entrySet()) {
            long start = Long.MAX_VALUE;
            long end = Long.MIN_VALUE;
            long longest = 0;
            int sessions = 0;
            long errors = 0;
            Map<String, Long> counts = new LinkedHashMap<>();
            for (ShardPoint sp : second.getValue()) {
                LoadReport.Point p = sp.point();
                start = Math.min(start, p.startMillis());
                end = Math.max(end, p.endMillis());
                longest = Math.max(longest, p.endMillis() - p.startMillis());
                sessions += p.sessions();
                errors += p.errors();
                violationsSoFar[sp.shard()] = Math.max(violationsSoFar[sp.shard()], p.violations());
                p.kinds().forEach(k -> counts.merge(k.kind(), k.count(), Long::sum));
            }
            long from = second.getKey();
            // a thinned point spans several seconds: its percentiles come from all of them (the shards'
            // points are a few ms apart, so the merged span is longer than any of them: not that)
            long to = from + Math.max(1, Math.round(longest / 1000.0));
            List<LoadReport.KindPoint> kinds = new ArrayList<>();
            counts.forEach((kind, count) -> {
                Histogram h = intervals.span(from, to, kind);
                boolean any = h.getTotalCount() > 0;
                kinds.add(new LoadReport.KindPoint(kind, count, any ? h.getValueAtPercentile(50) / 1000.0 : 0,
                        any ? h.getValueAtPercentile(99) / 1000.0 : 0));
            });
            long violations = 0;
            for (long v : violationsSoFar) {
                violations += v;
            }
            merged.add(new LoadReport.Point(start, end, sessions, errors, violations, kinds));
        }
        while (merged.size() > Timeline.MAX_POINTS) {
            merged = Timeline.thin(merged);
        }
        return merged;
    }
}
