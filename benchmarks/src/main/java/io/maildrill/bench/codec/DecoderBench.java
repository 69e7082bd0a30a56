package io.maildrill.bench.codec;

import io.maildrill.bench.support.Fixture;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.codec.ImapResponseDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ImapResponseDecoder} alone, single thread, on a recorded headers-only FETCH stream of
 * {@code messages} corpus messages, fed in {@code chunk}-octet reads as a socket would deliver it.
 * The {@code bytes} counter is the decoding speed in octets per second (aim: 500 MB/s).
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecoderBench {

    @Param("10000")
    public int messages;
    @Param("16384")
    public int chunk;

    private ByteBuf stream;

    /** Octets and responses decoded, as rates. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Decoded {
        public long bytes;
        public long responses;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
            responses = 0;
        }
    }

    @Setup(Level.Trial)
    public void record() {
        stream = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(
                RecordedFetchStream.headersOf(Fixture.of(messages, "realistic").corpus())));
    }

    @Benchmark
    public long decodeFetchStream(Decoded decoded) {
        EmbeddedChannel channel = new EmbeddedChannel(new ImapResponseDecoder());
        int length = stream.readableBytes();
        long count = 0;
        for (int offset = 0; offset < length; offset += chunk) {
            channel.writeInbound(stream.retainedSlice(offset, Math.min(chunk, length - offset)));
            for (Object response = channel.readInbound(); response != null; response = channel.readInbound()) {
                if (!(response instanceof ImapResponse.Fetch) && !(response instanceof ImapResponse.Tagged)) {
                    throw new IllegalStateException("unexpected response in the recorded stream: " + response);
                }
                count++;
            }
        }
        channel.finishAndReleaseAll();
        if (count != messages + 1) {
            throw new IllegalStateException(count + " responses decoded (expected " + (messages + 1) + ")");
        }
        decoded.bytes += length;
        decoded.responses += count;
        return count;
    }
}
