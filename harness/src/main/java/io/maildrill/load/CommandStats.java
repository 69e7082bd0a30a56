package io.maildrill.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one command kind did: latencies (microseconds, HdrHistogram, 3 significant digits), how many
 * were sent, how many the server refused with NO (counted, not an error: under concurrent
 * expunges a NO is a legal answer), and errors by kind. Written from any event loop; read by the
 * run's clock once per interval.
 */
public final class CommandStats {

    private final String kind;
    /** An hour, in microseconds: the longest latency kept exactly (every wait is bounded far below it). */
    static final long HIGHEST_MICROS = 3_600_000_000L;

    // sized once: a recorder that resizes copies its counts under load
    private final Recorder recorder = new Recorder(1, HIGHEST_MICROS, 3);
    private final LongAdder completed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    /** Everything recorded so far; touched by the clock thread only. */
    private final Histogram total = new Histogram(1, HIGHEST_MICROS, 3);
    private long errorsBefore;

    CommandStats(String kind) {
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    /** A command that got its tagged response (OK, or NO when {@code refused}). */
    void completed(long latencyMicros, boolean refused) {
        recorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, latencyMicros)));
        completed.increment();
        if (refused) {
            this.refused.increment();
        }
    }

    /** A command that failed (BAD, timeout, closed connection, ...), by a short name of what happened. */
    void failed(String errorKind) {
        errors.computeIfAbsent(errorKind, k -> new LongAdder()).increment();
    }

    /**
     * The interval since the last call: its latency histogram and the counts in it; the totals
     * move on. Called by one thread (the run's clock). The interval's count is its histogram's, not
     * the counter's difference: a command recorded while the interval is taken lands in exactly
     * one histogram, so the counts of the intervals, of {@link #totalLatencies()} and of
     * {@code load.hlog} are the same numbers.
     */
    Interval takeInterval() {
        Histogram interval = recorder.getIntervalHistogram();
        total.add(interval);
        long errorsNow = errorCount();
        Interval result = new Interval(kind, interval, interval.getTotalCount(), errorsNow - errorsBefore);
        errorsBefore = errorsNow;
        return result;
    }

    /** One interval of one kind: {@code latencies} holds the completed commands' latencies. */
    public record Interval(String kind, Histogram latencies, long completed, long errors) {
    }

    /** Commands completed so far, counted live (may run ahead of the intervals taken; reports use {@link #recorded()}). */
    public long completed() {
        return completed.sum();
    }

    /** Commands in the intervals taken so far: what {@code load.hlog} holds, and what reports count. */
    public long recorded() {
        return total.getTotalCount();
    }

    public long refused() {
        return refused.sum();
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** The latencies of every interval taken so far (the clock takes a last one at the end). */
    public Histogram totalLatencies() {
        return total;
    }
}
