package io.maildrill.run.session;

import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.StartTlsHold;
import io.maildrill.imap.codec.ImapResponseDecoder;
import io.maildrill.net.ClientConnector;
import io.maildrill.net.Endpoint;
import io.maildrill.net.TlsSettings;
import io.maildrill.transcript.Transcript;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One IMAP connection for the script runner: octets out exactly as given, every decoded response
 * in, <em>in arrival order</em>, through one queue. Unlike {@link io.maildrill.imap.ImapSession}
 * it attributes nothing: a script states which response belongs where, so the runner needs the
 * raw arrival sequence (tagged, untagged, continuations, malformed lines and the close) to judge it.
 */
public final class ImapWire implements AutoCloseable {

    /** Something that happened on the connection, in order. */
    public sealed interface Event {
        record Response(ImapResponse response) implements Event {}

        record Closed(String why) implements Event {}
    }

    private final Channel channel;
    private final Endpoint endpoint;
    private final TlsSettings tls;
    private final Transcript transcript;
    private final ImapResponseDecoder decoder;
    private final StartTlsHold hold;
    private final Reader reader;

    private ImapWire(Channel channel, Endpoint endpoint, TlsSettings tls, Transcript transcript,
                     ImapResponseDecoder decoder, StartTlsHold hold, Reader reader) {
        this.channel = channel;
        this.endpoint = endpoint;
        this.tls = tls;
        this.transcript = transcript;
        this.decoder = decoder;
        this.hold = hold;
        this.reader = reader;
    }

    /** Connects (implicit TLS when the endpoint says so); the greeting is the first event. */
    public static ImapWire connect(Endpoint endpoint, TlsSettings tls, Transcript transcript, Duration timeout) {
        ImapResponseDecoder decoder = new ImapResponseDecoder();
        StartTlsHold hold = new StartTlsHold();
        Reader reader = new Reader();
        Channel channel = ClientConnector.connect(endpoint, tls, transcript, timeout, p -> {
            p.addLast("imap-decoder", decoder);
            p.addLast(StartTlsHold.NAME, hold);
            p.addLast("script-reader", reader);
        });
        return new ImapWire(channel, endpoint, tls, transcript, decoder, hold, reader);
    }

    public void write(byte[] octets) {
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.wrappedBuffer(octets)).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    /** The next event, waiting at most {@code wait}; empty when nothing came. */
    public Optional<Event> poll(Duration wait) {
        try {
            return Optional.ofNullable(reader.events.poll(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * From the OK answering {@code tag} on, stop reading plaintext: responses decoded after it are
     * set aside as injected (STARTTLS injection, RFC 3501 section 6.2.1) instead of being queued.
     */
    public void pauseAfterOk(String tag) {
        channel.eventLoop().execute(() -> hold.holdAfterOk(tag));
    }

    /**
     * Whether the reader paused after the STARTTLS answer, and what plaintext came after it
     * (responses already decoded plus octets still buffered), for the handshake step to judge.
     */
    public List<String> takeInjected() throws InterruptedException {
        var task = channel.eventLoop().submit(() -> {
            List<String> out = new ArrayList<>();
            hold.takeHeld().forEach(response -> out.add(ImapData.describe(response)));
            byte[] buffered = decoder.discardBuffered();
            if (buffered.length > 0) {
                out.add(new String(buffered, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            return out;
        });
        try {
            return task.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot inspect the connection before the TLS handshake", e);
        }
    }

    /** The TLS handshake on this connection, then reading resumes (through TLS). */
    public void handshake(Duration timeout) {
        ClientConnector.startTls(channel, endpoint, tls, transcript, timeout);
        channel.eventLoop().execute(hold::release);
        channel.config().setAutoRead(true);
        channel.read();
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** FIN: close without LOGOUT. */
    @Override
    public void close() {
        if (channel.isOpen()) {
            channel.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    /** RST: the way a crashed client looks. */
    public void abort() {
        transcript.note("abort: connection reset without LOGOUT");
        ClientConnector.abort(channel);
    }

    /** Queues responses on the event loop; the script thread takes them with {@link #poll}. */
    private static final class Reader extends ChannelInboundHandlerAdapter {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof ImapResponse response)) {
                ctx.fireChannelRead(msg);
                return;
            }
            events.add(new Event.Response(response));
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
}
