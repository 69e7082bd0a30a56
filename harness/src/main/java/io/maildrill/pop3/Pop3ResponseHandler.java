package io.maildrill.pop3;

import io.maildrill.net.ConnectionClosedException;
import io.maildrill.net.ProtocolException;
import io.maildrill.transcript.CredentialRedactor;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Last inbound handler of a POP3 session: completes the callers' futures, in order, with the
 * replies the decoder emits, and fails every pending future when the connection closes or the
 * pipeline reports an exception, so a failure always reaches the caller.
 */
final class Pop3ResponseHandler extends ChannelInboundHandlerAdapter {

    /** A caller waiting for the reply to {@code what}. */
    private record Pending(String what, CompletableFuture<Pop3Reply> future) {
    }

    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final List<Pop3Reply> unsolicited = new CopyOnWriteArrayList<>();
    private final CredentialRedactor redactor;
    private volatile Function<String, ProtocolException> closedBecause;

    Pop3ResponseHandler(CredentialRedactor redactor) {
        this.redactor = redactor;
    }

    /** Registers a caller; must be called before the command is written (replies match in order). */
    CompletableFuture<Pop3Reply> expect(String what) {
        Pending p = new Pending(what, new CompletableFuture<>());
        pending.add(p);
        if (closedBecause != null) {
            // Closed before or while registering: no reply can come, fail now rather than time out.
            failAll();
        }
        return p.future();
    }

    /** Replies that arrived while no command was waiting, in arrival order. */
    List<Pop3Reply> unsolicited() {
        return List.copyOf(unsolicited);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Pop3UnsolicitedReply u) {
            unsolicited.add(u.reply());
        } else if (msg instanceof Pop3Reply reply) {
            if (reply instanceof Pop3Response r && r.isContinuation()) {
                // The client's next line is a SASL response: the transcript must mask it. Set before
                // completing the future, so it happens-before the caller writes that line.
                redactor.saslExchangeOpen(true);
            }
            Pending p = pending.poll();
            if (p == null) {
                unsolicited.add(reply);
            } else {
                p.future().complete(reply);
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        fail(what -> new ConnectionClosedException("waiting for the reply to " + what));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(what -> new ProtocolException("connection failed while waiting for the reply to " + what + ": " + cause, cause));
        ctx.close();
    }

    /** Fails pending and future callers (the write of a command failed, or the channel went away). */
    void fail(Function<String, ProtocolException> reason) {
        if (closedBecause == null) {
            closedBecause = reason;
        }
        failAll();
    }

    private void failAll() {
        Function<String, ProtocolException> reason = closedBecause;
        for (Pending p = pending.poll(); p != null; p = pending.poll()) {
            p.future().completeExceptionally(reason.apply(p.what()));
        }
    }
}
