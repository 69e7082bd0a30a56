package io.maildrill.run.session;

import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.codec.ImapResponseDecoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;

/** Responses for unit tests, made by the real decoder from one line of server text (CRLF added). */
public final class SyntheticResponses {

    private SyntheticResponses() {
    }

    public static ImapResponse response(String line) {
        EmbeddedChannel channel = new EmbeddedChannel(new ImapResponseDecoder());
        channel.writeInbound(Unpooled.copiedBuffer(line + "\r\n", StandardCharsets.ISO_8859_1));
        ImapResponse response = channel.readInbound();
        channel.finishAndReleaseAll();
        return response;
    }
}
