package io.maildrill.load;

import java.time.Instant;
import java.util.List;

/** Told once per interval (a second) what happened in it, on the run's clock thread. */
public interface LoadListener {

    /**
     * @param start          when the interval began
     * @param end            when it ended
     * @param kinds          per command kind: the interval's latencies and counts
     * @param activeSessions connections open at the end
     * @param violations     violations so far, in all
     */
    void interval(Instant start, Instant end, List<CommandStats.Interval> kinds, int activeSessions, long violations);
}
