package io.maildrill.net;

import io.maildrill.transcript.Transcript;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Opens TCP connections to loopback endpoints for the protocol sessions: one shared event-loop
 * group, bounded connect time, implicit TLS when the endpoint asks for it, STARTTLS upgrades,
 * and a {@link TranscriptRecorder} below the codecs.
 *
 * <p>Only loopback addresses are accepted: maildrill generates load and destructive traffic,
 * and must never send it anywhere but the machine it runs on.
 */
public final class ClientConnector {

    /** Pipeline name of the TLS handler, always first in the pipeline. */
    public static final String TLS = "tls";

    private static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
            0, new DefaultThreadFactory("maildrill-io", true), NioIoHandler.newFactory());

    private ClientConnector() {
    }

    /**
     * Connects and installs {@code codecs} after the TLS handler and transcript recorder.
     *
     * @throws ProtocolException when the host is not loopback, the connection is refused, or the
     *                           connect (including the TLS handshake for implicit TLS) takes too long
     */
    public static Channel connect(Endpoint endpoint, TlsSettings tls, Transcript transcript,
                                  Duration timeout, Consumer<ChannelPipeline> codecs) {
        InetAddress address = requireLoopback(endpoint.host());
        Bootstrap bootstrap = new Bootstrap()
                .group(GROUP)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (endpoint.tls() == Endpoint.TlsMode.IMPLICIT) {
                            SslContext ctx = tls.clientContext();
                            ch.pipeline().addLast(TLS, ctx.newHandler(ch.alloc(), endpoint.host(), endpoint.port()));
                            ch.pipeline().addLast(CloseNotifyHandler.NAME, new CloseNotifyHandler());
                        }
                        ch.pipeline().addLast(TranscriptRecorder.NAME, new TranscriptRecorder(transcript));
                        codecs.accept(ch.pipeline());
                    }
                });
        transcript.note("connecting to " + endpoint);
        ChannelFuture future = bootstrap.connect(address, endpoint.port());
        Channel channel = await(future, timeout, "connect to " + endpoint);
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        if (ssl != null) {
            await(ssl.handshakeFuture(), timeout, "TLS handshake with " + endpoint);
            transcript.note("TLS established: " + ssl.engine().getSession().getProtocol());
        }
        return channel;
    }

    /**
     * Upgrades an open connection to TLS (after a successful STARTTLS or STLS reply) and waits for
     * the handshake. Any bytes the server sent after its reply but before the handshake would be
     * a protocol violation (the STARTTLS injection defect); the codec sees them before this call.
     */
    public static void startTls(Channel channel, Endpoint endpoint, TlsSettings tls, Transcript transcript,
                                Duration timeout) {
        SslHandler handler = tls.clientContext().newHandler(channel.alloc(), endpoint.host(), endpoint.port());
        // A handler added to a connection that has just closed never starts its handshake nor
        // learns of the close, so its future alone would wait out the whole bound: the wait also
        // ends when the connection does (at once if it already has).
        Promise<Void> done = channel.eventLoop().newPromise();
        handler.handshakeFuture().addListener(f -> {
            if (f.isSuccess()) {
                done.trySuccess(null);
            } else {
                done.tryFailure(f.cause());
            }
        });
        channel.closeFuture().addListener(f -> done.tryFailure(new IOException("the server closed the connection")));
        // Both by position, never by name: a connection that closes meanwhile tears its pipeline
        // down, and a lookup of "tls" would then fail with NoSuchElementException.
        channel.pipeline().addFirst(CloseNotifyHandler.NAME, new CloseNotifyHandler());
        channel.pipeline().addFirst(TLS, handler);
        await(done, timeout, "TLS handshake with " + endpoint);
        transcript.note("TLS established: " + handler.engine().getSession().getProtocol());
    }

    /** What the server has sent on a channel this class connected (see {@link InboundActivity}). */
    public static InboundActivity activity(Channel channel) {
        TranscriptRecorder recorder = channel.pipeline().get(TranscriptRecorder.class);
        return recorder == null ? new InboundActivity() : recorder.activity();
    }

    /** Closes at once with a TCP reset (SO_LINGER 0), the way a crashed client or pulled cable looks. */
    public static void abort(Channel channel) {
        if (channel.isOpen()) {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** Exposes the shared group for components (the embedded-server probes, benchmarks) that need one. */
    public static EventLoopGroup group() {
        return GROUP;
    }

    public static InetAddress requireLoopback(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isLoopbackAddress()) {
                throw new ProtocolException("refusing to connect to " + host + " (" + address.getHostAddress()
                        + "): maildrill only talks to loopback addresses (127.0.0.0/8, ::1)");
            }
            return address;
        } catch (UnknownHostException e) {
            throw new ProtocolException("unknown host " + host, e);
        }
    }

    private static final String UNTRUSTED_HINT = " (the server's certificate is not trusted: name its certificate or CA"
            + " with --trust FILE.pem, or turn verification off with --insecure)";

    /** Whether a handshake failed because the certificate chain or the host name did not verify. */
    private static boolean untrustedCertificate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException || t instanceof java.security.cert.CertPathBuilderException
                    || t instanceof java.security.cert.CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    private static Channel await(io.netty.util.concurrent.Future<?> future, Duration timeout, String what) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return future instanceof ChannelFuture cf ? cf.channel() : null;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ResponseTimeoutException(what, timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (untrustedCertificate(cause)) {
                throw new UntrustedCertificateException("cannot " + what + ": " + message + UNTRUSTED_HINT, cause);
            }
            throw new ProtocolException("cannot " + what + ": " + message, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted during " + what, e);
        }
    }

}
