package io.maildrill.imap.transport;

import io.maildrill.imap.ImapResponse;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Literal flow control, the one implementation for every IMAP client of maildrill: writes each
 * {@link Outgoing} command's segments in order, holding back the payload of a synchronizing literal
 * until the server's {@code +} (RFC 3501 §7.5), and the commands queued behind it until it is done.
 * A tagged response for a command not fully written ends it there (the server refused the literal;
 * the rest is never sent). Every decoded response is passed on in arrival order, a continuation it
 * answered as a {@link LiteralContinued}. Anything else written (raw octets, a SASL answer) goes
 * straight out, ahead of a literal still waiting.
 *
 * <p>State is confined to the channel's event loop.
 */
public final class ImapTransport extends ChannelDuplexHandler {

    public static final String NAME = "imap-transport";

    /** Commands not yet fully written, oldest first; only the head is being written. */
    private final Deque<Outgoing> outbox = new ArrayDeque<>();

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof Outgoing outgoing)) {
            ctx.write(msg, promise);
            return;
        }
        promise.setSuccess();
        if (!ctx.channel().isActive()) {
            outgoing.abandon();
            return;
        }
        outbox.addLast(outgoing);
        if (outbox.size() == 1) {
            writeSegments(ctx);
        }
    }

    /** Writes the head's segments until one must wait for a continuation, then the next commands'. */
    private void writeSegments(ChannelHandlerContext ctx) {
        while (!outbox.isEmpty()) {
            Outgoing head = outbox.peekFirst();
            ctx.writeAndFlush(head.takeNextSegment());
            if (!head.fullyWritten()) {
                return;
            }
            outbox.pollFirst();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ImapResponse.Continuation continuation) {
            Outgoing head = outbox.peekFirst();
            if (head != null && head.started()) {
                writeSegments(ctx);
                ctx.fireChannelRead(new LiteralContinued(head.tag(), continuation));
                return;
            }
        } else if (msg instanceof ImapResponse.Tagged tagged) {
            abandonIfUnwritten(ctx, tagged.tag());
        }
        ctx.fireChannelRead(msg);
    }

    /** The server answered {@code tag} before taking its literal: drop the rest, go on with the next. */
    private void abandonIfUnwritten(ChannelHandlerContext ctx, String tag) {
        for (Outgoing outgoing : outbox) {
            if (outgoing.tag().equals(tag)) {
                boolean wasHead = outbox.peekFirst() == outgoing;
                outbox.remove(outgoing);
                outgoing.abandon();
                if (wasHead) {
                    writeSegments(ctx);
                }
                return;
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        abandonAll();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        abandonAll();
    }

    private void abandonAll() {
        for (Outgoing outgoing : outbox) {
            outgoing.abandon();
        }
        outbox.clear();
    }

}
