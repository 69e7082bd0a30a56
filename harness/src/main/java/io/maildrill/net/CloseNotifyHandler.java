package io.maildrill.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslCloseCompletionEvent;

/**
 * Answers the server's TLS close_notify by closing the connection, which sends our own
 * close_notify and then FIN. RFC 8446 §6.1 (RFC 5246 §7.2.1 before it) requires the receiver of a
 * close_notify to respond with one; some servers (GnuTLS' bye with SHUT_RDWR, as GNU Mailutils and
 * Courier use it) keep the TCP connection open until it arrives. Nothing the server sends after a
 * close_notify counts (RFC 8446 §6.1: "Any data received after a closure alert has been received
 * MUST be ignored"), so the connection has ended here, e.g. after QUIT or LOGOUT.
 */
final class CloseNotifyHandler extends ChannelInboundHandlerAdapter {

    static final String NAME = "close-notify";

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslCloseCompletionEvent closed && closed.isSuccess()) {
            ctx.close();
        }
        super.userEventTriggered(ctx, event);
    }
}
