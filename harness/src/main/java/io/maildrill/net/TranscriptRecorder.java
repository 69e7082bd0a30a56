package io.maildrill.net;

import io.maildrill.transcript.Transcript;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Records the plaintext bytes in each direction into a {@link Transcript}, and what the server
 * sent into the connection's {@link InboundActivity} (also when the transcript is off). It sits
 * between the TLS handler (if any) and the protocol codecs, so both see protocol bytes, not TLS
 * records.
 */
public final class TranscriptRecorder extends ChannelDuplexHandler {

    public static final String NAME = "transcript";

    private final Transcript transcript;
    private final InboundActivity activity = new InboundActivity();

    public TranscriptRecorder(Transcript transcript) {
        this.transcript = transcript;
    }

    public InboundActivity activity() {
        return activity;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf buf && buf.isReadable()) {
            activity.received(buf);
        }
        if (msg instanceof ByteBuf buf && buf.isReadable() && transcript.isEnabled()) {
            transcript.serverSent(ByteBufUtil.getBytes(buf, buf.readerIndex(), buf.readableBytes(), false));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof ByteBuf buf && buf.isReadable() && transcript.isEnabled()) {
            transcript.clientSent(ByteBufUtil.getBytes(buf, buf.readerIndex(), buf.readableBytes(), false));
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        transcript.note("connection closed");
        ctx.fireChannelInactive();
    }
}
