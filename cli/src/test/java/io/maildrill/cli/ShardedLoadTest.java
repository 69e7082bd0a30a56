package io.maildrill.cli;

import static io.maildrill.cli.LoadCommandTest.assertUsage;
import static io.maildrill.cli.LoadCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.report.load.LoadJsonWriter;
import io.maildrill.report.load.LoadReport;
import io.maildrill.target.EmbeddedGreenMail;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four shards of one {@code maildrill load} run, in parallel against one embedded server, then
 * {@code maildrill report merge}: the merged report is the shards' sum, and its percentiles are
 * those of the shards' interval histograms added together (computed here with HdrHistogram's own
 * reader, not with maildrill's). Then the inputs a merge must refuse, each in one line.
 */
class ShardedLoadTest {

    private static final int SHARDS = 4;
    /** One user per account: GreenMail does not keep two sessions of one mailbox consistent, and the oracle says so. */
    private static final int ACCOUNTS = 8;

    @TempDir
    static Path dir;

    private static final List<Path> shardDirs = new ArrayList<>();
    private static final List<LoadCommandTest.Result> shardRuns = new ArrayList<>();
    private static Instant startAt;

    @BeforeAll
    static void runFourShards() throws Exception {
        try (EmbeddedGreenMail server = EmbeddedGreenMail.start(ACCOUNTS)) {
            String imap = "imap://127.0.0.1:" + server.target().requireImap().port();
            Path pw = Files.writeString(dir.resolve("pw"), server.target().defaultAccount().password() + "\n");
            startAt = Instant.now().plusSeconds(5);
            ExecutorService pool = Executors.newFixedThreadPool(SHARDS);
            try {
                List<Future<LoadCommandTest.Result>> runs = new ArrayList<>();
                for (int i = 0; i < SHARDS; i++) {
                    Path reports = dir.resolve("shard-" + i);
                    shardDirs.add(reports);
                    String[] args = {"load", "--target", imap, "--user-range", "user%d:1.." + ACCOUNTS, "--password-file",
                        pw.toString(), "--test-accounts", "--clients", Integer.toString(ACCOUNTS), "--duration", "2s", "--shard", i + "/" + SHARDS,
                        "--start-at", startAt.toString(), "--report-dir", reports.toString()};
                    runs.add(pool.submit(() -> run(args)));
                }
                for (Future<LoadCommandTest.Result> r : runs) {
                    shardRuns.add(r.get(120, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void everyShardRanItsShareAndExitedZero() {
        for (int i = 0; i < SHARDS; i++) {
            LoadCommandTest.Result r = shardRuns.get(i);
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            // "waiting ... for --start-at", or on a busy machine "--start-at ... was N ms ago; starting now"
            assertThat(r.out()).contains("(shard " + i + "/" + SHARDS + ")", "--start-at " + startAt);
        }
    }

    @Test
    void theMergedReportIsTheSumOfTheShardsWithPercentilesFromTheAddedHistograms() throws Exception {
        Path merged = dir.resolve("merged");
        List<String> args = new ArrayList<>(List.of("report", "merge", "--out", merged.toString()));
        shardDirs.forEach(d -> args.add(d.toString()));
        LoadCommandTest.Result r = run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("merged 4 report(s)", "total: ", "0 violations");
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("icegreen");

        List<LoadReport> shards = new ArrayList<>();
        for (Path d : shardDirs) {
            shards.add(LoadJsonWriter.read(d.resolve("load.json")));
        }
        LoadReport sum = LoadJsonWriter.read(merged.resolve("load.json"));

        assertThat(sum.totals().commands()).isPositive()
                .isEqualTo(shards.stream().mapToLong(s -> s.totals().commands()).sum());
        assertThat(sum.totals().refused()).isEqualTo(shards.stream().mapToLong(s -> s.totals().refused()).sum());
        assertThat(sum.totals().errors()).isEqualTo(shards.stream().mapToLong(s -> s.totals().errors()).sum());
        assertThat(sum.totals().violations()).isEqualTo(shards.stream().mapToLong(s -> s.totals().violations()).sum());
        assertThat(sum.shards()).containsExactlyInAnyOrder("0/4", "1/4", "2/4", "3/4");
        assertThat(sum.clients()).isEqualTo(ACCOUNTS);
        assertThat(Instant.parse(sum.start())).isEqualTo(shards.stream().map(s -> Instant.parse(s.start())).min(Instant::compareTo).orElseThrow());
        assertThat(Instant.parse(sum.end())).isEqualTo(shards.stream().map(s -> Instant.parse(s.end())).max(Instant::compareTo).orElseThrow());
        // every shard waited for --start-at (a shard's clock starts after its wait)
        assertThat(Instant.parse(sum.start())).isAfterOrEqualTo(startAt);

        Map<String, Histogram> added = addedByHdrHistogram(shardDirs);
        Map<String, Histogram> mergedLog = addedByHdrHistogram(List.of(merged));
        assertThat(sum.kinds()).extracting(LoadReport.Kind::kind).contains("LOGIN", "CONNECT");
        for (LoadReport.Kind kind : sum.kinds()) {
            long shardsCount = shards.stream().flatMap(s -> s.kinds().stream()).filter(k -> k.kind().equals(kind.kind()))
                    .mapToLong(LoadReport.Kind::count).sum();
            assertThat(kind.count()).as(kind.kind()).isEqualTo(shardsCount);
            Histogram h = added.get(kind.kind());
            assertThat(h.getTotalCount()).as(kind.kind()).isEqualTo(kind.count());
            assertThat(mergedLog.get(kind.kind()).getTotalCount()).as(kind.kind()).isEqualTo(kind.count());
            LoadReport.Latency l = kind.latency();
            assertThat(l.p50()).as(kind.kind()).isEqualTo(h.getValueAtPercentile(50) / 1000.0);
            assertThat(l.p90()).as(kind.kind()).isEqualTo(h.getValueAtPercentile(90) / 1000.0);
            assertThat(l.p99()).as(kind.kind()).isEqualTo(h.getValueAtPercentile(99) / 1000.0);
            assertThat(l.p999()).as(kind.kind()).isEqualTo(h.getValueAtPercentile(99.9) / 1000.0);
            assertThat(l.max()).as(kind.kind()).isEqualTo(h.getMaxValue() / 1000.0);
            long inTimeline = sum.timeline().stream().flatMap(p -> p.kinds().stream()).filter(k -> k.kind().equals(kind.kind()))
                    .mapToLong(LoadReport.KindPoint::count).sum();
            assertThat(inTimeline).as(kind.kind()).isEqualTo(kind.count());
        }
        assertThat(Files.readString(merged.resolve("TEST-maildrill.load.xml"))).contains("failures=\"0\"",
                "name=\"shards\" value=\"");
    }

    /** Each tag's histograms of these directories' load.hlog added, read by HdrHistogram's reader. */
    private static Map<String, Histogram> addedByHdrHistogram(List<Path> dirs) throws Exception {
        Map<String, Histogram> byTag = new TreeMap<>();
        for (Path d : dirs) {
            HistogramLogReader reader = new HistogramLogReader(new File(d.resolve("load.hlog").toString()));
            for (EncodableHistogram next = reader.nextIntervalHistogram(); next != null; next = reader.nextIntervalHistogram()) {
                byTag.computeIfAbsent(next.getTag(), t -> new Histogram(3)).add((Histogram) next);
            }
            reader.close();
        }
        return byTag;
    }

    @Test
    void theMergedVerdictCountsTheErrorsAndViolationsOfEveryShard() throws Exception {
        Path clean = shardDirs.get(0);
        Path errors = copy(shardDirs.get(1), "with-errors");
        rewriteTotals(errors, t -> new LoadReport.Totals(t.commands(), t.refused(), 3, 0, t.pushed(), t.pushedExists()));
        assertThat(run("report", "merge", "--out", dir.resolve("v1").toString(), clean.toString(), errors.toString()).exit())
                .isEqualTo(ExitCodes.FAILURES);
        LoadCommandTest.Result within = run("report", "merge", "--max-errors", "3", "--out", dir.resolve("v2").toString(),
                clean.toString(), errors.toString());
        assertThat(within.exit()).as(within.out()).isZero();

        Path violations = copy(shardDirs.get(2), "with-violations");
        rewriteTotals(violations, t -> new LoadReport.Totals(t.commands(), t.refused(), 0, 1, t.pushed(), t.pushedExists()));
        LoadCommandTest.Result violated = run("report", "merge", "--max-errors", "100", "--out", dir.resolve("v3").toString(),
                clean.toString(), violations.toString());
        assertThat(violated.exit()).isEqualTo(ExitCodes.FAILURES);
        assertThat(violated.out()).contains("1 violations");
    }

    private static void rewriteTotals(Path shard, java.util.function.UnaryOperator<LoadReport.Totals> change) throws Exception {
        LoadReport r = LoadJsonWriter.read(shard.resolve("load.json"));
        LoadJsonWriter.write(new LoadReport(r.profile(), r.target(), r.shards(), r.start(), r.end(), r.clients(),
                change.apply(r.totals()), r.kinds(), r.rules(), r.timeline()), shard.resolve("load.json"));
    }

    @Test
    void aMergeOfShardsThatDoNotFitIsOneLineNamingTheFile() throws Exception {
        Path one = shardDirs.get(0);
        Path two = shardDirs.get(1);
        assertMergeRefused(one, one, "shard 0/4 is also in " + one.resolve("load.json"));

        Path missing = Files.createDirectories(dir.resolve("empty"));
        assertMergeRefused(one, missing, missing.resolve("load.json") + ": missing or not readable");

        Path malformed = copy(two, "malformed");
        Files.writeString(malformed.resolve("load.json"), "{\"profile\": \"imaptest\", ");
        assertMergeRefused(one, malformed, malformed.resolve("load.json") + ": not a load report");

        Path otherProfile = copy(two, "devices");
        Files.writeString(otherProfile.resolve("load.json"), Files.readString(otherProfile.resolve("load.json"))
                .replace("\"profile\" : \"imaptest\"", "\"profile\" : \"devices\""));
        assertMergeRefused(one, otherProfile, otherProfile.resolve("load.json") + ": profile \"devices\", but "
                + one.resolve("load.json"));

        Path otherLog = copy(two, "otherlog");
        Files.copy(shardDirs.get(2).resolve("load.hlog"), otherLog.resolve("load.hlog"), StandardCopyOption.REPLACE_EXISTING);
        assertMergeRefused(one, otherLog, otherLog.resolve("load.hlog") + ": holds ");

        Path garbled = copy(two, "garbled");
        Files.writeString(garbled.resolve("load.hlog"), "#[StartTime: 1.000 (seconds since epoch)]\n1.0,1.0,2.0,@@@\n");
        assertMergeRefused(one, garbled, garbled.resolve("load.hlog") + ": not an HdrHistogram interval log");
    }

    private static void assertMergeRefused(Path first, Path second, String message) {
        Path out = dir.resolve("refused-" + second.getFileName());
        assertUsage(run("report", "merge", "--out", out.toString(), first.toString(), second.toString()), message);
        assertThat(out.resolve("load.json")).doesNotExist();
    }

    @Test
    void aStartAtTooFarAheadOrLongPastIsRefused() {
        assertUsage(run("load", "--start-at", Instant.now().plusSeconds(3600).toString()), "at most 10m ahead");
        assertUsage(run("load", "--start-at", Instant.now().minusSeconds(60).toString()), "at most 5s late");
        assertUsage(run("load", "--start-at", "tomorrow"), "--start-at: expected an ISO-8601 instant");
    }

    @Test
    void shardsThatWouldShareAnAccountAreRefused() {
        // the embedded server has at most 1000 accounts: user 0 (shard 0) and user 1000 (shard 1) would both log in as user1
        assertUsage(run("load", "--clients", "1001", "--shard", "0/3",
                "--report-dir", dir.resolve("shared").toString()), "account user1 would be used by two shards of 3");
    }

    private static Path copy(Path from, String name) throws Exception {
        Path to = Files.createDirectories(dir.resolve(name));
        for (String file : List.of("load.json", "load.hlog")) {
            Files.copy(from.resolve(file), to.resolve(file));
        }
        return to;
    }
}
