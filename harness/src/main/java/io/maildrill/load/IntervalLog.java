package io.maildrill.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The run's HdrHistogram interval log ({@code load.hlog}): one histogram per command kind per
 * second, tagged with the kind, time-stamped with absolute times (the log's base time is zero and
 * every interval carries its epoch seconds), so the logs of shards on different machines can be
 * added for a merged report.
 */
public final class IntervalLog implements LoadListener, AutoCloseable {

    public static final String FILE = "load.hlog";

    private final PrintStream out;
    private final HistogramLogWriter writer;

    public IntervalLog(Path directory, Instant start) throws IOException {
        Files.createDirectories(directory);
        this.out = new PrintStream(Files.newOutputStream(directory.resolve(FILE)), false, "UTF-8");
        this.writer = new HistogramLogWriter(out);
        writer.outputComment("maildrill load: latencies in microseconds, one tag per command kind");
        writer.outputLogFormatVersion();
        writer.outputStartTime(start.toEpochMilli());
        writer.setBaseTime(0);
        writer.outputLegend();
    }

    @Override
    public synchronized void interval(Instant start, Instant end, List<CommandStats.Interval> kinds, int activeSessions,
                                      long violations) {
        for (CommandStats.Interval kind : kinds) {
            Histogram h = kind.latencies();
            h.setStartTimeStamp(start.toEpochMilli());
            h.setEndTimeStamp(end.toEpochMilli());
            h.setTag(kind.kind());
            writer.outputIntervalHistogram(h);
        }
        out.flush();
    }

    @Override
    public synchronized void close() {
        out.close();
    }
}
