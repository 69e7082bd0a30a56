package io.maildrill.imap.transport;

import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.codec.ImapResponseDecoder;
import io.maildrill.net.ClientConnector;
import io.maildrill.net.Endpoint;
import io.maildrill.net.InboundActivity;
import io.maildrill.net.ProtocolException;
import io.maildrill.net.TlsSettings;
import io.maildrill.transcript.Transcript;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One IMAP connection, the transport under every IMAP client of maildrill (the command API of
 * {@link io.maildrill.imap.ImapSession}, the script runner, benchmarks and provisioning through
 * it): the channel with its decoder, the STARTTLS injection guard ({@link StartTlsHold}) and literal
 * flow control ({@link ImapTransport}), then the caller's consumer, which sees every response in
 * arrival order on the event loop. Tags, attribution and judging are the consumer's.
 *
 * <pre>
 * decoder → StartTlsHold → ImapTransport → consumer
 * </pre>
 */
public final class ImapConnection implements AutoCloseable {

    private final Channel channel;
    /** Kept from the connect: the pipeline forgets its handlers once the channel has closed. */
    private final InboundActivity activity;
    private final Endpoint endpoint;
    private final TlsSettings tls;
    private final Transcript transcript;
    private final ImapResponseDecoder decoder;
    private final StartTlsHold hold;

    private ImapConnection(Channel channel, Endpoint endpoint, TlsSettings tls, Transcript transcript,
                           ImapResponseDecoder decoder, StartTlsHold hold) {
        this.channel = channel;
        this.activity = ClientConnector.activity(channel);
        this.endpoint = endpoint;
        this.tls = tls;
        this.transcript = transcript;
        this.decoder = decoder;
        this.hold = hold;
    }

    /**
     * Connects (implicit TLS when the endpoint says so; STARTTLS is the consumer's to send) with
     * {@code consumer} at the end of the pipeline, under {@code consumerName}. A consumer that tags
     * its own STARTTLS finds the {@link StartTlsHold} in the pipeline to arm it.
     *
     * @throws ProtocolException when the connection cannot be made within {@code timeout}
     */
    public static ImapConnection connect(Endpoint endpoint, TlsSettings tls, Transcript transcript, Duration timeout,
                                         ImapResponseDecoder decoder, String consumerName, ChannelHandler consumer) {
        StartTlsHold hold = new StartTlsHold();
        Channel channel = ClientConnector.connect(endpoint, tls, transcript, timeout, pipeline -> {
            pipeline.addLast("imap-decoder", decoder);
            pipeline.addLast(StartTlsHold.NAME, hold);
            pipeline.addLast(ImapTransport.NAME, new ImapTransport());
            pipeline.addLast(consumerName, consumer);
        });
        return new ImapConnection(channel, endpoint, tls, transcript, decoder, hold);
    }

    public InboundActivity activity() {
        return activity;
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** Writes a tagged command (literals held back as {@link ImapTransport} says); returns at once. */
    public Outgoing send(Outgoing outgoing) {
        channel.writeAndFlush(outgoing);
        return outgoing;
    }

    /** Writes a message for the consumer's outbound side (a command the consumer tags and encodes). */
    public ChannelFuture write(Object message) {
        return channel.writeAndFlush(message);
    }

    /** Writes octets exactly as given, ahead of any literal still waiting for its {@code +}. */
    public ChannelFuture writeRaw(byte[] octets) {
        return channel.writeAndFlush(Unpooled.wrappedBuffer(octets));
    }

    /** Reading on or off: off pauses the server's side by TCP flow control (a consumer falling behind). */
    public void autoRead(boolean on) {
        channel.config().setAutoRead(on);
    }

    // ---- STARTTLS -------------------------------------------------------------------------

    /** The STARTTLS command goes out with {@code tag}: from its OK on, stop reading and hold what comes. */
    public void holdAfterOk(String tag) {
        onLoopNow(() -> hold.holdAfterOk(tag));
    }

    /** Plaintext that came after the STARTTLS OK: responses already decoded, octets still undecoded. */
    public record Injected(List<ImapResponse> responses, byte[] undecoded) {
        public long octets() {
            return undecoded.length + responses.stream().mapToLong(ImapResponse::wireLength).sum();
        }

        public boolean isEmpty() {
            return responses.isEmpty() && undecoded.length == 0;
        }
    }

    /** Takes what the hold kept and what the decoder buffered since the STARTTLS OK (the hold goes on). */
    public Injected takeInjected(Duration wait) {
        return onLoop(() -> new Injected(hold.takeHeld(), decoder.discardBuffered()), wait);
    }

    /**
     * The TLS handshake, then reading resumes through TLS, whether it succeeded or not. Returns the
     * plaintext held since the last {@link #takeInjected}: what came while the handshake started
     * (on failure it is dropped with the connection's TLS).
     *
     * @throws ProtocolException when it fails or takes longer than {@code timeout}
     */
    public Injected handshake(Duration timeout) {
        channel.config().setAutoRead(true);
        try {
            ClientConnector.startTls(channel, endpoint, tls, transcript, timeout);
            return takeInjected(timeout);
        } finally {
            onLoopNow(hold::release);
            channel.read();
        }
    }

    // ---- ending ---------------------------------------------------------------------------

    /** FIN, without LOGOUT; bounded wait. */
    public void close(Duration wait) {
        if (channel.isOpen()) {
            channel.close().awaitUninterruptibly(wait.toMillis());
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    /** RST: the way a crashed client looks. */
    public void abort() {
        ClientConnector.abort(channel);
    }

    // ---- the event loop -------------------------------------------------------------------

    /**
     * The connection's event loop: where its responses are handled, and where a caller that
     * drives many connections without a thread each (the load generator) schedules its next step.
     */
    public ScheduledExecutorService eventLoop() {
        return channel.eventLoop();
    }

    private void onLoopNow(Runnable task) {
        if (channel.eventLoop().inEventLoop()) {
            task.run();
        } else {
            channel.eventLoop().execute(task);
        }
    }

    /** Runs {@code task} on the event loop, where the pipeline's state lives, waiting at most {@code wait}. */
    public <T> T onLoop(Callable<T> task, Duration wait) {
        try {
            if (channel.eventLoop().inEventLoop()) {
                return task.call();
            }
            return channel.eventLoop().submit(task).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted while waiting for the I/O thread", e);
        } catch (TimeoutException e) {
            throw new ProtocolException("the I/O thread did not answer within " + wait.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new ProtocolException("I/O task failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new ProtocolException("I/O task failed: " + e, e);
        }
    }
}
