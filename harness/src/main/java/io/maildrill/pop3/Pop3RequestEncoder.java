package io.maildrill.pop3;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes a {@link Pop3Command} as {@code VERB[ SP arg]* CRLF} (arguments UTF-8, which is ASCII for
 * every standard argument); raw commands are written byte for byte, unchanged. Stateless.
 */
@ChannelHandler.Sharable
public final class Pop3RequestEncoder extends MessageToByteEncoder<Pop3Command> {

    private static final short CRLF = ('\r' << 8) | '\n';

    public Pop3RequestEncoder() {
        super(Pop3Command.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Pop3Command cmd, ByteBuf out) {
        byte[] raw = cmd.rawBytesUnsafe();
        if (raw != null) {
            out.writeBytes(raw);
            return;
        }
        ByteBufUtil.writeUtf8(out, cmd.verb());
        for (String arg : cmd.args()) {
            out.writeByte(' ');
            ByteBufUtil.writeUtf8(out, arg);
        }
        out.writeShort(CRLF);
    }
}
