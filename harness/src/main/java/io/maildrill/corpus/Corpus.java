package io.maildrill.corpus;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A deterministic, lazily generated set of messages. Nothing is stored: {@link #message(int)}
 * builds a message on demand from (seed, index) alone, so the same spec yields the same octets
 * in any order and on any thread, and {@link #stream()} walks a million messages in constant
 * memory. Thread-safe.
 */
public final class Corpus implements Iterable<CorpusMessage> {

    private final CorpusSpec spec;
    private volatile long totalBytes = -1;

    private Corpus(CorpusSpec spec) {
        this.spec = spec;
    }

    /** The corpus described by {@code spec}. */
    public static Corpus of(CorpusSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("corpus spec is required");
        }
        return new Corpus(spec);
    }

    public CorpusSpec spec() {
        return spec;
    }

    /** Number of messages. */
    public int size() {
        return spec.messageCount();
    }

    /**
     * Message {@code index} (0-based), generated now.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
     */
    public CorpusMessage message(int index) {
        if (index < 0 || index >= spec.messageCount()) {
            throw new IndexOutOfBoundsException("message index: " + index
                    + " (expected: 0.." + (spec.messageCount() - 1) + ")");
        }
        return MessageGenerator.generate(spec, index);
    }

    /** All messages in index order, each generated when the stream reaches it; may be made parallel. */
    public Stream<CorpusMessage> stream() {
        return IntStream.range(0, spec.messageCount()).mapToObj(this::message);
    }

    /**
     * Messages {@code fromIndex} (inclusive) to {@code toIndex} (exclusive), generated as reached;
     * lets a provisioner split a corpus into ranges without generating what it skips.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= fromIndex <= toIndex <= size()}
     */
    public Stream<CorpusMessage> stream(int fromIndex, int toIndex) {
        if (fromIndex < 0 || toIndex > spec.messageCount() || fromIndex > toIndex) {
            throw new IndexOutOfBoundsException("range: " + fromIndex + ".." + toIndex
                    + " (expected: 0 <= from <= to <= " + spec.messageCount() + ")");
        }
        return IntStream.range(fromIndex, toIndex).mapToObj(i -> MessageGenerator.generate(spec, i));
    }

    /** All messages in index order, generated one at a time. */
    @Override
    public Iterator<CorpusMessage> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < spec.messageCount();
            }

            @Override
            public CorpusMessage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("corpus has " + spec.messageCount() + " messages");
                }
                return message(next++);
            }
        };
    }

    /**
     * Sum of all message sizes. Computed on first call by generating every message (in parallel,
     * none kept), then remembered: costly for big corpora, so call it only when the figure is needed.
     */
    public long totalBytes() {
        long t = totalBytes;
        if (t < 0) {
            t = IntStream.range(0, spec.messageCount()).parallel()
                    .mapToLong(i -> MessageGenerator.generate(spec, i).size()).sum();
            totalBytes = t;
        }
        return t;
    }
}
