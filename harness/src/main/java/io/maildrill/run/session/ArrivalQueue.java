package io.maildrill.run.session;

import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.transport.LiteralContinued;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The script session's end of an {@link io.maildrill.imap.transport.ImapConnection}: every decoded
 * response, in arrival order, and the close, queued on the event loop for the script thread to
 * {@link #poll}. It attributes nothing: a script states which response belongs where, so the runner
 * needs the raw arrival sequence (tagged, untagged, continuations, malformed lines and the close).
 */
final class ArrivalQueue extends ChannelInboundHandlerAdapter {

    static final String NAME = "script-arrivals";

    /** Something that happened on the connection, in order. */
    sealed interface Event {
        /** A response; {@code literalSent} when it was a {@code +} the transport answered with a literal. */
        record Response(ImapResponse response, boolean literalSent) implements Event {}

        record Closed(String why) implements Event {}

        /** Nothing arrived, but something the script thread waits on changed (a command fully written). */
        record Wake() implements Event {}
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    /** The next event, waiting at most {@code wait}; empty when nothing came. */
    Optional<Event> poll(Duration wait) {
        try {
            return Optional.ofNullable(events.poll(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Ends a {@link #poll} early, from any thread. */
    void wake() {
        events.add(new Event.Wake());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof LiteralContinued continued) {
            events.add(new Event.Response(continued.continuation(), true));
        } else if (msg instanceof ImapResponse response) {
            events.add(new Event.Response(response, false));
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        events.add(new Event.Closed("connection closed by server"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        events.add(new Event.Closed("connection failed: " + cause.getMessage()));
        ctx.close();
    }
}
