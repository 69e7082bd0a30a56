package io.maildrill.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The interval histograms of several shards added by second of absolute time and kind: shards'
 * seconds start a few milliseconds apart, so the second an interval starts in is what they share.
 * Adding is exact (same precision, same buckets), so any percentile over any stretch is the one a
 * single process would have measured; nothing is ever averaged.
 */
final class MergedIntervals {

    /** Epoch second → kind (in the order first seen) → the sum of that second's intervals. */
    private final NavigableMap<Long, Map<String, Histogram>> bySecond = new TreeMap<>();

    void add(Histogram interval) {
        long second = Math.floorDiv(interval.getStartTimeStamp(), 1000);
        Map<String, Histogram> kinds = bySecond.computeIfAbsent(second, s -> new LinkedHashMap<>());
        Histogram sum = kinds.get(interval.getTag());
        if (sum == null) {
            sum = empty(interval.getTag());
            sum.setStartTimeStamp(interval.getStartTimeStamp());
            sum.setEndTimeStamp(interval.getEndTimeStamp());
            kinds.put(interval.getTag(), sum);
        }
        sum.add(interval);
        sum.setStartTimeStamp(Math.min(sum.getStartTimeStamp(), interval.getStartTimeStamp()));
        sum.setEndTimeStamp(Math.max(sum.getEndTimeStamp(), interval.getEndTimeStamp()));
    }

    /** One kind's latencies over the whole run. */
    Histogram total(String kind) {
        return span(Long.MIN_VALUE, Long.MAX_VALUE, kind);
    }

    /** One kind's latencies in the intervals starting in epoch seconds {@code [from, to)}. */
    Histogram span(long fromSecond, long toSecond, String kind) {
        Histogram sum = empty(kind);
        for (Map<String, Histogram> kinds : bySecond.subMap(fromSecond, true, toSecond, false).values()) {
            Histogram h = kinds.get(kind);
            if (h != null) {
                sum.add(h);
            }
        }
        return sum;
    }

    /** The merged log's intervals: by second, then kinds in the order first seen; tagged and time-stamped. */
    List<Histogram> histograms() {
        List<Histogram> out = new ArrayList<>();
        bySecond.values().forEach(kinds -> out.addAll(kinds.values()));
        return out;
    }

    private static Histogram empty(String tag) {
        // the shards' own precision, so adding moves no count to another bucket
        Histogram h = new Histogram(1, CommandStats.HIGHEST_MICROS, 3);
        h.setTag(tag);
        return h;
    }
}
