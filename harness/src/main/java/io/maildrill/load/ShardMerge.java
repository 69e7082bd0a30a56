package io.maildrill.load;

import io.maildrill.report.load.LoadReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Several shards' reports as the report of one run: counts, errors and violations summed;
 * percentiles from the shards' interval histograms added together (never averaged); the
 * earliest start and the latest end. Shards of another run, a shard given twice, or a log that
 * does not hold its report's commands are refused with a message naming the file.
 */
public final class ShardMerge {

    private ShardMerge() {
    }

    /**
     * One shard's files, read.
     *
     * @param json      where {@code report} was read from (for messages)
     * @param hlog      where {@code intervals} were read from (for messages)
     * @param intervals its {@code load.hlog}, as {@link IntervalLog#read} returns it
     */
    public record Shard(Path json, Path hlog, LoadReport report, List<Histogram> intervals) {
        public Shard {
            intervals = List.copyOf(intervals);
        }
    }

    /** The merged report and the merged interval log's histograms (by second, tagged, absolute time stamps). */
    public record Merged(LoadReport report, List<Histogram> intervals) {
    }

    public static Merged merge(List<Shard> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        checkSameRun(shards);
        MergedIntervals intervals = new MergedIntervals();
        for (Shard shard : shards) {
            checkLogMatchesReport(shard);
            shard.intervals().forEach(intervals::add);
        }
        Instant start = shards.stream().map(s -> instant(s, s.report().start())).min(Instant::compareTo).orElseThrow();
        Instant end = shards.stream().map(s -> instant(s, s.report().end())).max(Instant::compareTo).orElseThrow();
        double seconds = Math.max(0.001, Duration.between(start, end).toMillis() / 1000.0);

        List<LoadReport> reports = shards.stream().map(Shard::report).toList();
        LoadReport first = reports.get(0);
        LoadReport merged = new LoadReport(first.profile(), first.target(),
                reports.stream().flatMap(r -> r.shards().stream()).toList(), start.toString(), end.toString(),
                first.clients(), totals(reports), kinds(reports, intervals, seconds), rules(reports),
                ShardTimeline.merge(reports.stream().map(LoadReport::timeline).toList(), intervals));
        return new Merged(merged, intervals.histograms());
    }

    /** One profile, target and user count; every shard of the same count, none twice. */
    private static void checkSameRun(List<Shard> shards) {
        Shard first = shards.get(0);
        Map<String, Path> seen = new HashMap<>();
        Integer count = null;
        for (Shard shard : shards) {
            LoadReport r = shard.report();
            same(shard, "profile", r.profile(), first, first.report().profile());
            same(shard, "target", r.target(), first, first.report().target());
            same(shard, "clients", Integer.toString(r.clients()), first, Integer.toString(first.report().clients()));
            if (r.shards().isEmpty()) {
                throw new ShardMismatchException(shard.json() + ": names no shard");
            }
            for (String name : r.shards()) {
                int n = shardCount(shard, name);
                if (count != null && n != count) {
                    throw new ShardMismatchException(shard.json() + ": shard " + name + " is one of " + n + ", but "
                            + first.json() + " is one of " + count);
                }
                count = n;
                Path before = seen.putIfAbsent(name, shard.json());
                if (before != null) {
                    throw new ShardMismatchException(shard.json() + ": shard " + name + " is also in " + before);
                }
            }
        }
    }

    private static void same(Shard shard, String what, String value, Shard first, String expected) {
        if (!value.equals(expected)) {
            throw new ShardMismatchException(shard.json() + ": " + what + " \"" + value + "\", but " + first.json()
                    + " has \"" + expected + "\" (not shards of one run)");
        }
    }

    private static int shardCount(Shard shard, String name) {
        String[] parts = name.split("/", -1);
        try {
            if (parts.length == 2) {
                return new LoadOptions.Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])).count();
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message: NumberFormatException is one
        }
        throw new ShardMismatchException(shard.json() + ": shard \"" + name + "\" is not I/N");
    }

    /** Each kind's count in load.json is the number of latencies load.hlog holds for it (load writes both from one histogram). */
    private static void checkLogMatchesReport(Shard shard) {
        Map<String, Long> logged = new TreeMap<>();
        for (Histogram h : shard.intervals()) {
            logged.merge(h.getTag(), h.getTotalCount(), Long::sum);
        }
        for (LoadReport.Kind kind : shard.report().kinds()) {
            long inLog = logged.getOrDefault(kind.kind(), 0L);
            if (inLog != kind.count()) {
                throw new ShardMismatchException(shard.hlog() + ": holds " + inLog + " " + kind.kind() + " latencies, but "
                        + shard.json() + " counts " + kind.count() + " (not the log of that report)");
            }
            logged.remove(kind.kind());
        }
        logged.forEach((kind, n) -> {
            if (n > 0) {
                throw new ShardMismatchException(shard.hlog() + ": holds " + n + " " + kind + " latencies, but "
                        + shard.json() + " has no " + kind + " (not the log of that report)");
            }
        });
    }

    private static Instant instant(Shard shard, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ShardMismatchException(shard.json() + ": \"" + text + "\" is not an ISO-8601 instant");
        }
    }

    private static LoadReport.Totals totals(List<LoadReport> reports) {
        long commands = 0;
        long refused = 0;
        long errors = 0;
        long violations = 0;
        long pushed = 0;
        long pushedExists = 0;
        for (LoadReport r : reports) {
            commands += r.totals().commands();
            refused += r.totals().refused();
            errors += r.totals().errors();
            violations += r.totals().violations();
            pushed += r.totals().pushed();
            pushedExists += r.totals().pushedExists();
        }
        return new LoadReport.Totals(commands, refused, errors, violations, pushed, pushedExists);
    }

    /** Kinds in the order the shards list them; counts summed, percentiles from the added histograms. */
    private static List<LoadReport.Kind> kinds(List<LoadReport> reports, MergedIntervals intervals, double seconds) {
        Map<String, List<LoadReport.Kind>> byKind = new LinkedHashMap<>();
        reports.forEach(r -> r.kinds().forEach(k -> byKind.computeIfAbsent(k.kind(), x -> new ArrayList<>()).add(k)));
        List<LoadReport.Kind> out = new ArrayList<>();
        byKind.forEach((kind, parts) -> {
            long count = 0;
            long refused = 0;
            long errorCount = 0;
            Map<String, Long> errors = new TreeMap<>();
            for (LoadReport.Kind k : parts) {
                count += k.count();
                refused += k.refused();
                errorCount += k.errorCount();
                k.errors().forEach((what, n) -> errors.merge(what, n, Long::sum));
            }
            out.add(new LoadReport.Kind(kind, count, refused, errorCount, errors, count / seconds,
                    LoadReports.latency(intervals.total(kind))));
        });
        return out;
    }

    /** Violations summed per rule; the examples concatenated in shard order, as many as one run keeps. */
    private static List<LoadReport.Rule> rules(List<LoadReport> reports) {
        Map<String, List<LoadReport.Rule>> byId = new LinkedHashMap<>();
        reports.forEach(r -> r.rules().forEach(rule -> byId.computeIfAbsent(rule.id(), x -> new ArrayList<>()).add(rule)));
        List<LoadReport.Rule> out = new ArrayList<>();
        byId.forEach((id, parts) -> {
            LoadReport.Rule first = parts.get(0);
            long violations = parts.stream().mapToLong(LoadReport.Rule::violations).sum();
            List<String> examples = parts.stream().flatMap(p -> p.examples().stream()).limit(Violations.KEPT_PER_RULE).toList();
            out.add(new LoadReport.Rule(id, first.catalogId(), first.section(), first.text(), violations, examples));
        });
        return out;
    }
}
