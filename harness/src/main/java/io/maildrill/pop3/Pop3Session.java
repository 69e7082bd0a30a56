package io.maildrill.pop3;

import io.maildrill.net.SaslPlain;
import io.maildrill.net.ClientConnector;
import io.maildrill.net.ConnectionClosedException;
import io.maildrill.net.Endpoint;
import io.maildrill.net.InboundActivity;
import io.maildrill.net.MalformedReply;
import io.maildrill.net.ProtocolException;
import io.maildrill.net.ResponseTimeoutException;
import io.maildrill.net.TlsSettings;
import io.maildrill.transcript.Transcript;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One POP3 connection, driven by one caller thread at a time. Every command returns the server's
 * {@link Pop3Reply} as a value ({@code -ERR} and malformed replies included); only a reply that
 * does not come within the session timeout ({@link ResponseTimeoutException}) or a connection that
 * goes away ({@link io.maildrill.net.ConnectionClosedException}) is thrown.
 *
 * <p>Replies are matched to commands in send order, so {@link #pipeline} and {@link #sendAsync}
 * need no more than that. The transcript's redactor masks {@code PASS}, {@code APOP} and
 * {@code AUTH} arguments and SASL responses; the login helpers also register the password as a
 * secret so it is masked wherever it appears.
 */
public final class Pop3Session implements AutoCloseable {

    private static final Pattern APOP_TIMESTAMP = Pattern.compile("<[^<>]*>");

    private final Channel channel;
    /** Kept from the connect: the pipeline forgets its handlers once the channel has closed. */
    private final InboundActivity activity;
    private final Endpoint endpoint;
    private final TlsSettings tls;
    private final Transcript transcript;
    private final Duration timeout;
    private final Queue<Pop3ResponseExpectation> expectations;
    private final Pop3ResponseDecoder decoder;
    private final Pop3ResponseHandler handler;
    private Pop3Reply greeting;
    private volatile boolean quitSent;

    private Pop3Session(Channel channel, Endpoint endpoint, TlsSettings tls, Transcript transcript, Duration timeout,
                        Queue<Pop3ResponseExpectation> expectations, Pop3ResponseDecoder decoder,
                        Pop3ResponseHandler handler) {
        this.channel = channel;
        this.activity = ClientConnector.activity(channel);
        this.endpoint = endpoint;
        this.tls = tls;
        this.transcript = transcript;
        this.timeout = timeout;
        this.expectations = expectations;
        this.decoder = decoder;
        this.handler = handler;
    }

    /**
     * Connects (implicit TLS if the endpoint says so; STLS is left to {@link #stls()}) and waits for
     * the greeting. A greeting that is {@code -ERR} or malformed is returned by {@link #greeting()},
     * not thrown.
     *
     * @throws ResponseTimeoutException when connecting or the greeting takes longer than {@code timeout}
     * @throws ProtocolException        when the connection cannot be made or closes before the greeting
     */
    public static Pop3Session connect(Endpoint endpoint, TlsSettings tls, Transcript transcript, Duration timeout) {
        Queue<Pop3ResponseExpectation> expectations = new ConcurrentLinkedQueue<>();
        Pop3ResponseDecoder decoder = new Pop3ResponseDecoder(expectations);
        Pop3ResponseHandler handler = new Pop3ResponseHandler(transcript.redactor());
        // Registered before connecting: the greeting may arrive before connect() returns.
        CompletableFuture<Pop3Reply> greeting = handler.expect("the greeting");
        expectations.add(Pop3ResponseExpectation.SINGLE_LINE);
        Channel channel = ClientConnector.connect(endpoint, tls, transcript, timeout, pipeline -> pipeline
                .addLast("pop3-decoder", decoder)
                .addLast("pop3-encoder", new Pop3RequestEncoder())
                .addLast("pop3-replies", handler));
        Pop3Session session = new Pop3Session(channel, endpoint, tls, transcript, timeout, expectations, decoder, handler);
        try {
            session.greeting = session.await(greeting, "the greeting from " + endpoint);
        } catch (RuntimeException e) {
            channel.close().awaitUninterruptibly(timeout.toMillis());
            throw e;
        }
        return session;
    }

    /** The server greeting, as received. */
    public Pop3Reply greeting() {
        return greeting;
    }

    /** The APOP timestamp {@code <...>} from the greeting, brackets included (RFC 1939 section 7). */
    public Optional<String> apopTimestamp() {
        return greeting instanceof Pop3Response r && r.isOk() ? apopTimestampIn(r.text()) : Optional.empty();
    }

    /** The first {@code <...>} timestamp in a greeting's text, brackets included. */
    public static Optional<String> apopTimestampIn(String greetingText) {
        Matcher m = APOP_TIMESTAMP.matcher(greetingText);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /**
     * The APOP digest for this connection (RFC 1939 §7: lower-case hex MD5 of the greeting's
     * timestamp followed by the shared secret); empty when the greeting carries no timestamp.
     */
    public Optional<String> apopDigest(String secret) {
        return apopTimestamp().map(timestamp -> {
            try {
                byte[] md5 = MessageDigest.getInstance("MD5").digest((timestamp + secret).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(md5);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is a required JDK algorithm", e);
            }
        });
    }

    /** Sends one command and waits (at most the session timeout) for its reply. */
    public Pop3Reply send(Pop3Command command) {
        return await(sendAsync(command), "the reply to " + command.describe());
    }

    /** Sends one command; the future completes on the I/O thread (never block in its callbacks). */
    public CompletableFuture<Pop3Reply> sendAsync(Pop3Command command) {
        CompletableFuture<Pop3Reply> reply = enqueue(command);
        channel.flush();
        return reply;
    }

    /**
     * Writes all commands in one flush, then collects their replies in order. Each wait is bounded
     * by the session timeout measured from the previous reply, so a long pipeline that keeps
     * making progress does not time out.
     */
    public List<Pop3Reply> pipeline(List<Pop3Command> commands) {
        List<CompletableFuture<Pop3Reply>> futures = new ArrayList<>(commands.size());
        for (Pop3Command command : commands) {
            futures.add(enqueue(command));
        }
        channel.flush();
        List<Pop3Reply> replies = new ArrayList<>(commands.size());
        for (int i = 0; i < futures.size(); i++) {
            replies.add(await(futures.get(i), "the reply to " + commands.get(i).describe()
                    + " (pipelined command " + (i + 1) + " of " + commands.size() + ")"));
        }
        return replies;
    }

    // The future goes in before the expectation, so that when the decoder sees the expectation the
    // handler already holds the future it completes; the write is ordered with both.
    private synchronized CompletableFuture<Pop3Reply> enqueue(Pop3Command command) {
        if (command.verb().equalsIgnoreCase("QUIT")) {
            quitSent = true;
        }
        CompletableFuture<Pop3Reply> reply = handler.expect(command.describe());
        expectations.add(command.expectation());
        channel.write(command).addListener(f -> failIfUnsent(f, command));
        return reply;
    }

    /**
     * Writes octets that await no reply (a script's raw send without a handle, e.g. a command
     * injected after STLS): whatever the server answers to them arrives as an unsolicited reply.
     */
    public void sendUnanswered(Pop3Command command) {
        channel.writeAndFlush(command);
    }

    private void failIfUnsent(io.netty.util.concurrent.Future<?> write, Pop3Command command) {
        if (!write.isSuccess()) {
            // A write on a channel that closed meanwhile (abort, server hang-up) is a closed
            // connection to the caller, whichever of the two the event loop noticed first.
            if (write.cause() instanceof java.nio.channels.ClosedChannelException || !channel.isOpen()) {
                handler.fail(what -> new ConnectionClosedException("sending " + command.describe()));
            } else {
                handler.fail(what -> new ProtocolException("cannot send " + command.describe() + ": " + write.cause(), write.cause()));
            }
        }
    }

    public Pop3Reply user(String name) {
        return send(Pop3Commands.user(name));
    }

    public Pop3Reply pass(String password) {
        transcript.redactor().addSecret(password);
        return send(Pop3Commands.pass(password));
    }

    /** USER then PASS; returns the USER reply if it is not {@code +OK}, else the PASS reply. */
    public Pop3Reply login(String user, String password) {
        transcript.redactor().addCredentials(user, password);
        Pop3Reply reply = user(user);
        return reply.isOk() ? pass(password) : reply;
    }

    /**
     * APOP with the MD5 digest of the greeting's timestamp and the shared secret.
     *
     * @throws ProtocolException when the greeting carries no timestamp
     */
    public Pop3Reply apop(String user, String secret) {
        transcript.redactor().addSecret(secret);
        String digest = apopDigest(secret).orElseThrow(() -> new ProtocolException(
                "cannot use APOP: the greeting has no <timestamp>: " + greeting.describe()));
        return send(Pop3Commands.apop(user, digest));
    }

    /**
     * RFC 5034 AUTH PLAIN (empty authorisation identity). With {@code initialResponse} the
     * credentials go on the AUTH line; otherwise they answer the server's {@code +} challenge.
     * Returns the final reply, or the first one if it is not a challenge.
     */
    public Pop3Reply authPlain(String user, String password, boolean initialResponse) {
        transcript.redactor().addCredentials(user, password);
        String credentials = SaslPlain.response(user, password);
        if (initialResponse) {
            return send(Pop3Commands.auth("PLAIN", credentials));
        }
        Pop3Reply challenge = send(Pop3Commands.auth("PLAIN"));
        if (challenge instanceof Pop3Response r && r.isContinuation()) {
            return send(Pop3Commands.saslResponse(credentials));
        }
        return challenge;
    }

    /**
     * STLS, then the TLS handshake if the server said {@code +OK}. If the server sent anything after
     * its {@code +OK} before the handshake (the STARTTLS injection defect), those octets are
     * discarded, TLS is not started, and a {@link Pop3Malformed} quoting them is returned.
     */
    public Pop3Reply stls() {
        int unsolicitedBefore = handler.unsolicited().size();
        Pop3Reply reply = send(Pop3Commands.stls());
        if (!reply.isOk()) {
            return reply;
        }
        Optional<Pop3Malformed> injected = handshakeAfterStls(unsolicitedBefore);
        return injected.isPresent() ? injected.get() : reply;
    }

    /**
     * The TLS handshake after an {@code STLS} whose {@code +OK} has been read (by {@link #stls()}, or by a
     * caller that sent STLS itself as raw octets). If the server sent anything after that {@code +OK}
     * (replies counted in {@link #unsolicitedReplies()} beyond {@code unsolicitedBefore}, or octets not yet
     * framed), they are discarded, TLS is not started, and a {@link Pop3Malformed} quoting them is returned.
     *
     * @throws ProtocolException when the handshake fails or the connection closes during it
     * @throws ResponseTimeoutException when the handshake takes longer than the session timeout
     */
    public Optional<Pop3Malformed> handshakeAfterStls(int unsolicitedBefore) {
        byte[] injected = onEventLoop(decoder::discardBufferedBytes);
        List<Pop3Reply> unsolicited = handler.unsolicited();
        if (injected.length == 0 && unsolicited.size() > unsolicitedBefore) {
            Pop3Reply stray = unsolicited.get(unsolicitedBefore);
            injected = stray instanceof Pop3Response r ? r.raw() : ((Pop3Malformed) stray).malformed().bytes();
        }
        if (injected.length > 0) {
            transcript.note("STLS: octets after +OK before the TLS handshake; TLS not started");
            return Optional.of(new Pop3Malformed(new MalformedReply("octets after the STLS +OK, before the TLS handshake", 0,
                    "nothing until the TLS handshake (RFC 2595 section 4)", injected)));
        }
        ClientConnector.startTls(channel, endpoint, tls, transcript, timeout);
        return Optional.empty();
    }

    public Pop3Reply capa() {
        return send(Pop3Commands.capa());
    }

    public Pop3Reply stat() {
        return send(Pop3Commands.stat());
    }

    public Pop3Reply list() {
        return send(Pop3Commands.list());
    }

    public Pop3Reply list(int message) {
        return send(Pop3Commands.list(message));
    }

    public Pop3Reply retr(int message) {
        return send(Pop3Commands.retr(message));
    }

    public Pop3Reply top(int message, int lines) {
        return send(Pop3Commands.top(message, lines));
    }

    public Pop3Reply uidl() {
        return send(Pop3Commands.uidl());
    }

    public Pop3Reply uidl(int message) {
        return send(Pop3Commands.uidl(message));
    }

    public Pop3Reply dele(int message) {
        return send(Pop3Commands.dele(message));
    }

    public Pop3Reply rset() {
        return send(Pop3Commands.rset());
    }

    public Pop3Reply noop() {
        return send(Pop3Commands.noop());
    }

    /** QUIT; afterwards {@link #close()} just releases the connection. */
    public Pop3Reply quit() {
        return send(Pop3Commands.quit());
    }

    /** Replies that arrived while no command was waiting (a finding for conformance checks). */
    public List<Pop3Reply> unsolicitedReplies() {
        return handler.unsolicited();
    }

    public Transcript transcript() {
        return transcript;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * The connection's I/O thread, where {@link #sendAsync} completes: an asynchronous caller
     * continues its work there, and must never block on it.
     */
    public java.util.concurrent.ScheduledExecutorService eventLoop() {
        return channel.eventLoop();
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    public boolean quitSent() {
        return quitSent;
    }

    /** Closes at once with a TCP reset and no QUIT: the maildrop must stay as it was (RFC 1939 section 6). */
    public void abort() {
        transcript.note("abort: connection reset without QUIT");
        ClientConnector.abort(channel);
    }

    /** Closes the connection; sends no QUIT (call {@link #quit()} first for the UPDATE state). */
    @Override
    public void close() {
        if (channel.isOpen()) {
            channel.close().awaitUninterruptibly(timeout.toMillis());
        }
    }

    private Pop3Reply await(CompletableFuture<Pop3Reply> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ResponseTimeoutException(what, timeout, activity);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectionClosedException closed) {
                throw ConnectionClosedException.during(what, activity, closed);
            }
            if (e.getCause() instanceof ProtocolException pe) {
                throw pe;
            }
            throw new ProtocolException("failed waiting for " + what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted waiting for " + what, e);
        }
    }

    private <T> T onEventLoop(java.util.concurrent.Callable<T> task) {
        try {
            return channel.eventLoop().submit(task).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ResponseTimeoutException("the I/O thread", timeout);
        } catch (ExecutionException e) {
            throw new ProtocolException("I/O thread task failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted waiting for the I/O thread", e);
        }
    }
}
