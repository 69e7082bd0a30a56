package io.maildrill.fuzz;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * The fuzz targets and how long they fuzz. {@code ./mvnw verify} replays each target's kept inputs
 * (src/test/resources/io/maildrill/fuzz/*Inputs) in its default test run, then fuzzes each for
 * {@link #SHORT_RUN} in a surefire execution of its own (Jazzer fuzzes one target per JVM).
 * {@code fuzz/run TARGET} is the long run: millions of inputs, its crashers written next to the
 * kept inputs so that they become regression inputs.
 */
final class FuzzTargets {

    /** The short run inside the test suite. */
    static final String SHORT_RUN = "5s";

    private FuzzTargets() {
    }

    /** Hands {@code input} to a decoder in pieces of {@code chunk} octets, as TCP might, then closes the channel. */
    static void feedAndClose(EmbeddedChannel channel, byte[] input, int chunk) {
        for (int i = 0; i < input.length; i += chunk) {
            channel.writeInbound(Unpooled.wrappedBuffer(input, i, Math.min(chunk, input.length - i)));
        }
        channel.finish();
    }
}
