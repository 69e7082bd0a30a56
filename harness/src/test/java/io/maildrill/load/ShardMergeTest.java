package io.maildrill.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildrill.report.load.LoadReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** {@link ShardMerge} on hand-made shards: what is summed, what is added as histograms, what is bounded and refused. */
class ShardMergeTest {

    // shard 0/2: FETCH 10 ms and 20 ms in second 100, 30 ms in second 101; shard 1/2: FETCH 40 ms and 50 ms in second 100
    private final List<Histogram> logA = List.of(interval(100_200, 101_200, 10_000, 20_000), interval(101_200, 102_200, 30_000));
    private final List<Histogram> logB = List.of(interval(100_700, 101_700, 40_000, 50_000));

    private final LoadReport a = report("0/2", "2026-12-04T00:01:40.200Z", "2026-12-04T00:01:42.200Z", 3, 15,
            List.of(point(100_200, 101_200, 2, 0, 2), point(101_200, 102_200, 2, 1, 1)));
    private final LoadReport b = report("1/2", "2026-12-04T00:01:40.700Z", "2026-12-04T00:01:41.700Z", 2, 10,
            List.of(point(100_700, 101_700, 1, 2, 2)));

    @Test
    void pointsOfOneSecondBecomeOneWithTheirSumsAndEveryShardsViolationsSoFar() {
        List<LoadReport.Point> timeline = merge().report().timeline();

        assertThat(timeline).hasSize(2);
        LoadReport.Point first = timeline.get(0);
        assertThat(first.startMillis()).isEqualTo(100_200);
        assertThat(first.endMillis()).isEqualTo(101_700);
        assertThat(first.sessions()).isEqualTo(3);
        assertThat(first.violations()).isEqualTo(2);
        assertThat(first.kinds().get(0).count()).isEqualTo(4);
        // from the four latencies of second 100 together, not from each shard's p50
        assertThat(first.kinds().get(0).p50()).isEqualTo(histogramOf(10_000, 20_000, 40_000, 50_000).getValueAtPercentile(50) / 1000.0);
        // shard 1/2 has no point in second 101, but its 2 violations still count
        assertThat(timeline.get(1).violations()).isEqualTo(3);
        assertThat(timeline.get(1).sessions()).isEqualTo(2);
    }

    @Test
    void percentilesComeFromAllShardsLatenciesAddedTogether() {
        ShardMerge.Merged merged = merge();
        LoadReport.Kind fetch = merged.report().kinds().get(0);

        assertThat(fetch.count()).isEqualTo(5);
        Histogram all = histogramOf(10_000, 20_000, 30_000, 40_000, 50_000);
        assertThat(fetch.latency()).isEqualTo(LoadReports.latency(all));
        assertThat(fetch.errors()).isEqualTo(Map.of("timeout", 3L));
        assertThat(merged.report().totals()).isEqualTo(new LoadReport.Totals(5, 0, 3, 25, 14, 4));
        assertThat(merged.report().start()).isEqualTo("2026-12-04T00:01:40.200Z");
        assertThat(merged.report().end()).isEqualTo("2026-12-04T00:01:42.200Z");
        assertThat(merged.report().shards()).containsExactly("0/2", "1/2");
        // the merged log: second 100 of both shards added, second 101 as it was
        assertThat(merged.intervals()).extracting(Histogram::getTotalCount).containsExactly(4L, 1L);
        assertThat(merged.intervals().get(0).getStartTimeStamp()).isEqualTo(100_200);
        assertThat(merged.intervals().get(0).getEndTimeStamp()).isEqualTo(101_700);
        assertThat(merged.intervals()).extracting(Histogram::getTag).containsOnly("FETCH");
    }

    @Test
    void violationsAreSummedAndTheirExamplesBoundedLikeOneRunsAre() {
        LoadReport.Rule rule = merge().report().rules().get(0);

        assertThat(rule.violations()).isEqualTo(25);
        assertThat(rule.examples()).hasSize(Violations.KEPT_PER_RULE);
        assertThat(rule.examples().get(0)).isEqualTo("0/2 example 0");
        assertThat(rule.examples().get(15)).isEqualTo("1/2 example 0");
    }

    @Test
    void aLogThatDoesNotHoldItsReportsCommandsIsRefused() {
        List<ShardMerge.Shard> shards = List.of(shard(a, logA), shard(b, logA));
        assertThatThrownBy(() -> ShardMerge.merge(shards)).isInstanceOf(ShardMismatchException.class)
                .hasMessage("1/2/load.hlog: holds 3 FETCH latencies, but 1/2/load.json counts 2 (not the log of that report)");
    }

    @Test
    void shardsOfDifferentCountsAreRefused() {
        LoadReport third = report("1/3", b.start(), b.end(), 2, 0, b.timeline());
        assertThatThrownBy(() -> ShardMerge.merge(List.of(shard(a, logA), shard(third, logB))))
                .hasMessageStartingWith("1/3/load.json: shard 1/3 is one of 3, but 0/2/load.json is one of 2");
    }

    private ShardMerge.Merged merge() {
        return ShardMerge.merge(List.of(shard(a, logA), shard(b, logB)));
    }

    private static ShardMerge.Shard shard(LoadReport report, List<Histogram> log) {
        Path dir = Path.of(report.shards().get(0));
        return new ShardMerge.Shard(dir.resolve("load.json"), dir.resolve("load.hlog"), report, log);
    }

    private static LoadReport report(String shard, String start, String end, long fetches, int violations,
                                     List<LoadReport.Point> timeline) {
        LoadReport.Latency unused = new LoadReport.Latency(0, 0, 0, 0, 0, 0);
        List<String> examples = IntStream.range(0, violations).mapToObj(i -> shard + " example " + i).toList();
        return new LoadReport("imaptest", "imap://127.0.0.1:10143", List.of(shard), start, end, 4,
                new LoadReport.Totals(fetches, 0, shard.startsWith("0") ? 0 : 3, violations, 7, 2),
                List.of(new LoadReport.Kind("FETCH", fetches, 0, shard.startsWith("0") ? 0 : 3,
                        shard.startsWith("0") ? Map.of() : Map.of("timeout", 3L), 1.0, unused)),
                List.of(new LoadReport.Rule("exists-never-shrinks", "I34", "RFC 3501 §5.2", "EXISTS never shrinks", violations,
                        examples)),
                timeline);
    }

    private static LoadReport.Point point(long start, long end, int sessions, long violations, long fetches) {
        return new LoadReport.Point(start, end, sessions, 0, violations, List.of(new LoadReport.KindPoint("FETCH", fetches, 0, 0)));
    }

    private static Histogram interval(long start, long end, long... micros) {
        Histogram h = histogramOf(micros);
        h.setStartTimeStamp(start);
        h.setEndTimeStamp(end);
        h.setTag("FETCH");
        return h;
    }

    private static Histogram histogramOf(long... micros) {
        Histogram h = new Histogram(1, CommandStats.HIGHEST_MICROS, 3);
        for (long m : micros) {
            h.recordValue(m);
        }
        return h;
    }
}
