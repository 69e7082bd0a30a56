package io.maildrill.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
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

    /** Writes one interval already stamped with its absolute start and end and tagged with its kind (a merge's). */
    public synchronized void write(Histogram interval) {
        writer.outputIntervalHistogram(interval);
        out.flush();
    }

    /**
     * The intervals of a {@code load.hlog}, in file order, each with its kind as tag and absolute
     * start and end time stamps (epoch milliseconds).
     *
     * @throws IOException when the file cannot be read, or is not such a log (the message says why)
     */
    public static List<Histogram> read(Path file) throws IOException {
        List<Histogram> intervals = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            HistogramLogReader reader = new HistogramLogReader(in);
            while (reader.hasNext()) {
                EncodableHistogram next = reader.nextIntervalHistogram();
                if (next == null) {
                    break;
                }
                if (!(next instanceof Histogram h) || h.getTag() == null) {
                    throw new IOException("interval " + (intervals.size() + 1) + " is not a tagged integer histogram");
                }
                intervals.add(h);
            }
        } catch (RuntimeException e) {
            // HdrHistogram's reader reports a garbled line as whatever its scanner or decoder throws
            throw new IOException("not an HdrHistogram interval log: interval " + (intervals.size() + 1)
                    + " cannot be decoded");
        }
        return intervals;
    }

    @Override
    public synchronized void close() {
        out.close();
    }
}
