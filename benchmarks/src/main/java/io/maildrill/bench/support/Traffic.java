package io.maildrill.bench.support;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-thread counters JMH reports as rates next to the primary score: {@code messages} (messages
 * per second) and {@code bytes} (octets on the wire per second, as the client decoded them).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Traffic {

    public long messages;
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
        messages = 0;
        bytes = 0;
    }

    public void add(long messageCount, long octets) {
        messages += messageCount;
        bytes += octets;
    }
}
