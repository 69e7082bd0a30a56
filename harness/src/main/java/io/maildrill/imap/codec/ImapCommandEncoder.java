package io.maildrill.imap.codec;

import io.maildrill.imap.ImapCommand;
import io.maildrill.imap.LiteralMode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a tagged command into the segments that go on the wire. Segment 0 starts with the tag;
 * every further segment starts with the payload of a synchronizing literal and may only be sent
 * after the server's {@code +} continuation. Non-synchronizing literals ({@code {n+}}) stay in
 * the same segment as the text around them. The last segment ends with CRLF.
 */
public final class ImapCommandEncoder {

    private static final byte[] CRLF = {'\r', '\n'};

    private ImapCommandEncoder() {
    }

    /** Encoded segments; buffers wrap the command's arrays (no copy of literal payloads). */
    public record Encoded(List<ByteBuf> segments) {
        public int continuationsNeeded() {
            return segments.size() - 1;
        }
    }

    public static Encoded encode(String tag, ImapCommand command, LiteralMode mode) {
        List<ByteBuf> segments = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        current.add((tag + " ").getBytes(StandardCharsets.US_ASCII));
        for (ImapCommand.Part part : command.parts()) {
            if (part instanceof ImapCommand.Text text) {
                current.add(text.bytes());
            } else if (part instanceof ImapCommand.Literal literal) {
                int size = literal.bytes().length;
                boolean nonSync = switch (literal.announce()) {
                    case AS_ADVERTISED -> mode.nonSynchronizing(size);
                    case SYNCHRONIZING -> false;
                    case NON_SYNCHRONIZING -> true;
                };
                current.add(((literal.binary() ? "~{" : "{") + size + (nonSync ? "+}" : "}") + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                if (!nonSync) {
                    segments.add(Unpooled.wrappedBuffer(current.toArray(new byte[0][])));
                    current.clear();
                }
                current.add(literal.bytes());
            }
        }
        current.add(CRLF);
        segments.add(Unpooled.wrappedBuffer(current.toArray(new byte[0][])));
        return new Encoded(segments);
    }
}
