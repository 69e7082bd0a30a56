package io.maildrill.imap.transport;

import io.maildrill.imap.ImapResponse;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;

/**
 * The STARTTLS injection guard (RFC 3501 §6.2.1, RFC 9051 §11.1), for every IMAP client of
 * maildrill: between the response decoder and whoever consumes responses, it lets everything
 * through until the tagged OK that answers the STARTTLS command; from then until {@link #release}
 * it stops reading and keeps what was already decoded aside, so that no plaintext sent after the
 * OK can pass as a response from inside TLS. The consumer takes what was held with
 * {@link #takeHeld} and judges it (a finding, or a script's verdict).
 *
 * <p>Every method runs on the channel's event loop.
 */
public final class StartTlsHold extends ChannelInboundHandlerAdapter {

    /** The handler's name in the pipeline, after the decoder. */
    public static final String NAME = "starttls-hold";

    private final List<ImapResponse> held = new ArrayList<>();
    private String starttlsTag;
    private boolean holding;

    /** The STARTTLS command goes out with {@code tag}: hold from its tagged OK on. */
    public void holdAfterOk(String tag) {
        starttlsTag = tag;
    }

    /** Responses decoded after the STARTTLS OK, in arrival order; the hold goes on. */
    public List<ImapResponse> takeHeld() {
        List<ImapResponse> out = List.copyOf(held);
        held.clear();
        return out;
    }

    /** TLS is up (or the upgrade was given up): responses flow again; reading resumes when the caller turns it on. */
    public void release() {
        starttlsTag = null;
        holding = false;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ImapResponse response)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (holding) {
            held.add(response);
            return;
        }
        ctx.fireChannelRead(response);
        if (starttlsTag != null && response instanceof ImapResponse.Tagged tagged && tagged.tag().equals(starttlsTag)) {
            if (tagged.ok()) {
                holding = true;
                ctx.channel().config().setAutoRead(false);
            } else {
                starttlsTag = null;
            }
        }
    }
}
