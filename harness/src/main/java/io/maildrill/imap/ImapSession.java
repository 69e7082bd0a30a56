package io.maildrill.imap;

import io.maildrill.imap.codec.ImapResponseDecoder;
import io.maildrill.net.SaslPlain;
import io.maildrill.net.ClientConnector;
import io.maildrill.net.ConnectionClosedException;
import io.maildrill.net.Endpoint;
import io.maildrill.net.InboundActivity;
import io.maildrill.net.MalformedReply;
import io.maildrill.net.ProtocolException;
import io.maildrill.net.ResponseTimeoutException;
import io.maildrill.net.TlsSettings;
import io.maildrill.report.escape.VisibleText;
import io.maildrill.transcript.Transcript;
import io.netty.buffer.Unpooled;
import io.maildrill.imap.transport.ImapConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One IMAP connection, driven from the caller's thread: the API that scripts and benchmarks use.
 *
 * <p>Every wait is bounded (the session's default timeout or an explicit one) and ends in
 * {@link ResponseTimeoutException}; a closed connection fails every pending wait with
 * {@link ConnectionClosedException}; a pipeline failure reaches the caller as a
 * {@link ProtocolException}. NO and BAD are values ({@link ImapCompletion}), not exceptions,
 * except in the helpers that must return a typed result ({@link ImapCommandException}).
 *
 * <p>Untagged responses are attributed to every command in progress when they arrive (see
 * {@link ImapCompletion}); those arriving when no command is in progress are kept for
 * {@link #drainUnsolicited()} and {@link #awaitUntagged}. Not thread-safe: one caller thread
 * per session (futures from {@link #sendAsync} may be waited on from anywhere).
 */
public final class ImapSession implements AutoCloseable {

    /** Bound on APPEND commands in flight in {@link #appendPipelined}: enough to hide loopback latency. */
    public static final int APPEND_WINDOW = 64;
    /** Messages per APPEND command when the server has MULTIAPPEND. */
    public static final int MULTIAPPEND_BATCH = 32;
    private static final int STREAM_HIGH_WATER = 8192;
    private static final int STREAM_LOW_WATER = 1024;
    private static final long STREAM_POLL_MILLIS = 50;
    private static final ImapResponse STREAM_END = new ImapResponse.Continuation("end of stream", 0);

    private final ImapConnection connection;
    private final InboundActivity activity;
    private final Transcript transcript;
    private final Duration timeout;
    private final ImapClientHandler handler;
    private ImapResponse greeting;
    private PendingCommand idle;
    private int idleConsumed; // index into idle.untagged; touched on the event loop only

    private ImapSession(ImapConnection connection, Transcript transcript, Duration timeout, ImapClientHandler handler) {
        this.connection = connection;
        this.activity = connection.activity();
        this.transcript = transcript;
        this.timeout = timeout;
        this.handler = handler;
    }

    /** Connects, reads the greeting and, for {@link Endpoint.TlsMode#STARTTLS}, upgrades to TLS. */
    public static ImapSession connect(Endpoint endpoint, TlsSettings tls, Transcript transcript, Duration timeout) {
        return connect(endpoint, tls, transcript, timeout, ImapResponseDecoder.DEFAULT_RETENTION_LIMIT);
    }

    /**
     * As {@link #connect(Endpoint, TlsSettings, Transcript, Duration)}, keeping literals up to
     * {@code retentionLimit} octets; larger ones are streamed (size and SHA-256 only).
     */
    public static ImapSession connect(Endpoint endpoint, TlsSettings tls, Transcript transcript, Duration timeout,
                                      int retentionLimit) {
        ImapResponseDecoder decoder = new ImapResponseDecoder(retentionLimit, ImapResponseDecoder.DEFAULT_MAX_LINE_LENGTH);
        ImapClientHandler handler = new ImapClientHandler(transcript.redactor());
        ImapConnection connection = ImapConnection.connect(endpoint, tls, transcript, timeout, decoder, ImapClientHandler.NAME,
                handler);
        ImapSession session = new ImapSession(connection, transcript, timeout, handler);
        try {
            // the first response is the greeting, whatever it is: waiting for a proper one would
            // spend the whole timeout on a server that is not IMAP at all
            session.greeting = session.awaitUntagged(r -> true, timeout, "the greeting from " + endpoint);
            if (!(session.greeting instanceof ImapResponse.Condition) && !(session.greeting instanceof ImapResponse.Malformed)
                    || looksLikePop3(session.greeting)) {
                throw new ProtocolException("no IMAP greeting from " + endpoint + " (expected \"* OK ...\"), got "
                        + notAGreeting(session.greeting));
            }
            if (endpoint.tls() == Endpoint.TlsMode.STARTTLS) {
                StartTlsResult result = session.startTls();
                if (!result.upgraded()) {
                    throw new ProtocolException("STARTTLS refused by " + endpoint + ": " + result.completion());
                }
            }
            return session;
        } catch (RuntimeException e) {
            session.abort();
            throw e;
        }
    }

    /** A POP3 server's "+OK ..." or "-ERR ...": an IMAP client at the wrong port. */
    private static boolean looksLikePop3(ImapResponse first) {
        if (first instanceof ImapResponse.Malformed m) {
            String text = new String(m.reply().bytes(), StandardCharsets.ISO_8859_1);
            return text.startsWith("+OK") || text.startsWith("-ERR");
        }
        return first instanceof ImapResponse.Continuation c && c.text().startsWith("OK");
    }

    private static String notAGreeting(ImapResponse first) {
        if (looksLikePop3(first)) {
            String line = first instanceof ImapResponse.Malformed m
                    ? new String(m.reply().bytes(), StandardCharsets.ISO_8859_1).strip()
                    : "+" + ((ImapResponse.Continuation) first).text();
            return "\"" + VisibleText.of(line) + "\", a POP3 greeting: is this the POP3 port?";
        }
        if (first instanceof ImapResponse.Continuation c) {
            return "\"+" + (c.text().isEmpty() ? "" : " " + c.text()) + "\"";
        }
        if (first instanceof ImapResponse.Tagged t) {
            return "a tagged response \"" + t.tag() + " " + t.status() + " " + t.text() + "\"";
        }
        return first.toString();
    }

    /** The greeting: normally a {@link ImapResponse.Condition} (OK, PREAUTH or BYE), else a malformed reply. */
    public ImapResponse greeting() {
        return greeting;
    }

    public Transcript transcript() {
        return transcript;
    }

    public Duration timeout() {
        return timeout;
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    /** Capabilities last advertised (greeting code, CAPABILITY response or code); cleared by STARTTLS. */
    public Set<String> capabilities() {
        return handler.capabilities();
    }

    /** Protocol violations the client noticed outside any response: unknown tags, stray continuations, injection. */
    public List<String> findings() {
        return handler.findings();
    }

    // ---- commands -------------------------------------------------------------------------

    public ImapCompletion execute(String commandWithoutTag) {
        return execute(ImapCommand.of(commandWithoutTag), timeout);
    }

    public ImapCompletion execute(String commandWithoutTag, Duration wait) {
        return execute(ImapCommand.of(commandWithoutTag), wait);
    }

    public ImapCompletion executeTagged(String tag, String commandWithoutTag) {
        return execute(ImapCommand.of(commandWithoutTag).withTag(tag), timeout);
    }

    public ImapCompletion execute(ImapCommand command) {
        return execute(command, timeout);
    }

    public ImapCompletion execute(ImapCommand command, Duration wait) {
        return await(sendAsync(command), wait, "the tagged response to " + command.verb());
    }

    /** Sends without waiting; the future completes on the I/O thread (do not block in its callbacks). */
    public CompletableFuture<ImapCompletion> sendAsync(ImapCommand command) {
        return send(PendingCommand.normal(command));
    }

    /** Sends all commands back to back, without waiting between them; futures in the same order. */
    public List<CompletableFuture<ImapCompletion>> pipeline(List<ImapCommand> commands) {
        List<CompletableFuture<ImapCompletion>> futures = new ArrayList<>(commands.size());
        for (ImapCommand command : commands) {
            futures.add(sendAsync(command));
        }
        return futures;
    }

    /** Sends bytes exactly as given (no tag, no CRLF added), ahead of any literal still waiting for '+'. */
    public void sendRaw(byte[] bytes) {
        if (!connection.isOpen()) {
            throw new ConnectionClosedException("sending raw bytes");
        }
        await(toCompletable(connection.writeRaw(bytes)), timeout, "sending raw bytes");
    }

    /** Sends {@code line} plus CRLF, no tag. */
    public void sendRawLine(String line) {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private CompletableFuture<ImapCompletion> send(PendingCommand pending) {
        if (!connection.isOpen()) {
            pending.completion.completeExceptionally(new ConnectionClosedException("sending " + pending.command.verb()));
            return pending.completion;
        }
        connection.write(pending).addListener(f -> {
            if (!f.isSuccess()) {
                pending.completion.completeExceptionally(new ConnectionClosedException("sending " + pending.command.verb()));
            }
        });
        return pending.completion;
    }

    /**
     * The event loop this session's responses are handled on; futures from {@link #sendAsync}
     * complete there, so a step scheduled on it runs where the next command can be sent at once.
     */
    public java.util.concurrent.ScheduledExecutorService eventLoop() {
        return connection.eventLoop();
    }

    // ---- unsolicited ----------------------------------------------------------------------

    /** Untagged responses that arrived while no command was in progress, oldest first; clears the backlog. */
    public List<ImapResponse> drainUnsolicited() {
        return onLoop(handler::drainUnsolicited);
    }

    /**
     * The first untagged response matching {@code predicate}: taken from the unsolicited backlog
     * if there, else the next one to arrive (during a command or not).
     */
    public ImapResponse awaitUntagged(Predicate<ImapResponse> predicate, Duration wait) {
        return awaitUntagged(predicate, wait, "an untagged response matching the expectation");
    }

    /** {@link #awaitUntagged(Predicate, Duration)}, saying in a timeout what was waited for. */
    public ImapResponse awaitUntagged(Predicate<ImapResponse> predicate, Duration wait, String what) {
        CompletableFuture<ImapResponse> found = new CompletableFuture<>();
        ImapClientHandler.Waiter waiter = new ImapClientHandler.Waiter() {
            @Override
            public boolean offer(ImapResponse response) {
                return predicate.test(response) && found.complete(response);
            }

            @Override
            public void fail(Throwable cause) {
                found.completeExceptionally(cause);
            }
        };
        Optional<ImapResponse> backlog = onLoop(() -> Optional.ofNullable(handler.takeUnsolicitedOrWait(predicate, waiter)));
        if (backlog.isPresent()) {
            return backlog.get();
        }
        try {
            return await(found, wait, what);
        } catch (ResponseTimeoutException e) {
            onLoop(() -> {
                handler.removeWaiter(waiter);
                return null;
            });
            throw e;
        }
    }

    // ---- IDLE -----------------------------------------------------------------------------

    /**
     * IDLE for callers that must not block (the load engine's users, on the event loop): sends it
     * and returns at once. Every untagged response while it runs goes to {@code pushed}, on the event
     * loop, as it arrives, and none is kept (the completion's untagged list stays empty), so memory
     * stays flat however long it idles. Not to be mixed with {@link #idleStart()} on one session.
     */
    public IdleCall idleAsync(Consumer<ImapResponse> pushed) {
        PendingCommand pending = PendingCommand.streamingIdle(pushed);
        send(pending);
        return new IdleCall(pending);
    }

    /** An IDLE sent by {@link #idleAsync}: its start, its end, and the DONE that ends it. */
    public final class IdleCall {
        private final PendingCommand pending;

        private IdleCall(PendingCommand pending) {
            this.pending = pending;
        }

        /** Completes with the server's continuation; exceptionally when the server refused IDLE or the connection broke. */
        public CompletableFuture<ImapResponse.Continuation> started() {
            return pending.continued;
        }

        /** The tagged response, after {@link #done()} (or earlier, if the server ends IDLE itself). */
        public CompletableFuture<ImapCompletion> completion() {
            return pending.completion;
        }

        /** Sends DONE without waiting; the answer completes {@link #completion()}. */
        public void done() {
            if (connection.isOpen()) {
                connection.writeRaw("DONE\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** Sends IDLE and waits for the server's continuation. */
    public void idleStart() {
        if (idle != null) {
            throw new IllegalStateException("IDLE already started (" + idle.tag + ")");
        }
        PendingCommand pending = new PendingCommand(ImapCommand.of("IDLE"), PendingCommand.Kind.IDLE, null, null);
        send(pending);
        await(pending.continued, timeout, "the continuation after IDLE");
        idle = pending;
        onLoop(() -> idleConsumed = 0);
    }

    /**
     * Responses pushed during IDLE since the last call, up to and including the first that matches.
     *
     * @throws ResponseTimeoutException when none matches within {@code wait}
     */
    public List<ImapResponse> idleAwait(Predicate<ImapResponse> predicate, Duration wait) {
        IdleWaiter waiter = new IdleWaiter(predicate);
        try {
            return await(waiter.done, wait, "a pushed response during IDLE");
        } catch (ResponseTimeoutException e) {
            waiter.withdraw();
            throw e;
        }
    }

    /** Everything pushed during IDLE since the last call, collected for {@code duration}. */
    public List<ImapResponse> idleCollect(Duration duration) {
        IdleWaiter waiter = new IdleWaiter(r -> false);
        try {
            await(waiter.done, duration, "collecting");
        } catch (ResponseTimeoutException expected) {
            // the normal way out: the whole duration was listened to
        }
        return waiter.withdraw();
    }

    /** Sends DONE and returns the IDLE command's completion (its untagged list holds every pushed response). */
    public ImapCompletion idleDone() {
        PendingCommand pending = requireIdle();
        sendRawLine("DONE");
        idle = null;
        return await(pending.completion, timeout, "the tagged response to IDLE after DONE");
    }

    private PendingCommand requireIdle() {
        if (idle == null) {
            throw new IllegalStateException("IDLE not started");
        }
        return idle;
    }

    /** Collects pushed responses for one idleAwait/idleCollect call, starting with those already received. */
    private final class IdleWaiter implements ImapClientHandler.Waiter {
        final CompletableFuture<List<ImapResponse>> done = new CompletableFuture<>();
        private final List<ImapResponse> collected = new ArrayList<>();
        private final Predicate<ImapResponse> predicate;

        IdleWaiter(Predicate<ImapResponse> predicate) {
            this.predicate = predicate;
            PendingCommand pending = requireIdle();
            onLoop(() -> {
                List<ImapResponse> backlog = pending.untagged;
                while (idleConsumed < backlog.size()) {
                    if (take(backlog.get(idleConsumed++))) {
                        return null;
                    }
                }
                handler.addWaiter(this);
                return null;
            });
        }

        private boolean take(ImapResponse response) {
            collected.add(response);
            return predicate.test(response) && done.complete(List.copyOf(collected));
        }

        @Override
        public boolean offer(ImapResponse response) {
            idleConsumed++; // the handler adds it to the IDLE command's list right after the waiters
            return take(response);
        }

        @Override
        public void fail(Throwable cause) {
            done.completeExceptionally(cause);
        }

        List<ImapResponse> withdraw() {
            return onLoop(() -> {
                handler.removeWaiter(this);
                return List.copyOf(collected);
            });
        }
    }

    // ---- authentication and TLS -----------------------------------------------------------

    /** LOGIN with the arguments quoted or sent as literals as needed; the password is registered as a secret. */
    public ImapCompletion login(String user, String password) {
        transcript.redactor().addCredentials(user, password);
        return execute(ImapCommand.builder("LOGIN").arg(user).arg(password).build());
    }

    /** {@link #login}, without waiting: for callers that drive many sessions from callbacks. */
    public CompletableFuture<ImapCompletion> loginAsync(String user, String password) {
        transcript.redactor().addCredentials(user, password);
        return sendAsync(ImapCommand.builder("LOGIN").arg(user).arg(password).build());
    }

    /** AUTHENTICATE PLAIN, with SASL-IR when the server advertises it. */
    public ImapCompletion authenticatePlain(String user, String password) {
        return authenticatePlain(user, password, capabilities().contains("SASL-IR"));
    }

    /**
     * AUTHENTICATE PLAIN; {@code saslIr} sends the credentials as initial response (RFC 4959),
     * otherwise they answer the server's empty challenge. Further challenges are cancelled ({@code *}).
     */
    public ImapCompletion authenticatePlain(String user, String password, boolean saslIr) {
        String token = SaslPlain.response(user, password);
        transcript.redactor().addCredentials(user, password);
        if (saslIr) {
            return execute("AUTHENTICATE PLAIN " + token);
        }
        AtomicBoolean answered = new AtomicBoolean();
        PendingCommand pending = new PendingCommand(ImapCommand.of("AUTHENTICATE PLAIN"), PendingCommand.Kind.SASL,
                challenge -> (answered.getAndSet(true) ? "*" : token).getBytes(StandardCharsets.US_ASCII), null);
        return await(send(pending), timeout, "the tagged response to AUTHENTICATE");
    }

    /**
     * STARTTLS, then the TLS handshake when the server said OK. Plaintext the server sent after its
     * OK is discarded and reported ({@link StartTlsResult#injectionFinding()}, {@link #findings()}).
     * Capabilities are forgotten, as RFC 9051 requires; ask again with {@link #capability()}.
     */
    public StartTlsResult startTls() {
        PendingCommand pending = new PendingCommand(ImapCommand.of("STARTTLS"), PendingCommand.Kind.STARTTLS, null, null);
        ImapCompletion completion = await(send(pending), timeout, "the tagged response to STARTTLS");
        if (!completion.ok()) {
            return new StartTlsResult(completion, false, 0, Optional.empty());
        }
        ImapConnection.Injected early = connection.takeInjected(timeout);
        Optional<String> earlyFinding = injectionFinding(early);
        ImapConnection.Injected late = connection.handshake(timeout);
        Optional<String> finding = earlyFinding.or(() -> injectionFinding(late));
        return new StartTlsResult(completion, true, early.octets() + late.octets(), finding);
    }

    /** Plaintext after the STARTTLS OK is a finding: response injection (RFC 3501 §6.2.1). */
    private Optional<String> injectionFinding(ImapConnection.Injected injected) {
        if (injected.isEmpty()) {
            return Optional.empty();
        }
        String finding = injected.octets() + " octets of plaintext after the STARTTLS OK, before the TLS handshake "
                + "(response injection; discarded): " + injected.responses()
                + (injected.undecoded().length > 0 ? " \"" + MalformedReply.quote(injected.undecoded()) + "\"" : "");
        onLoop(() -> {
            handler.addFinding(finding);
            return null;
        });
        transcript.note(finding);
        return Optional.of(finding);
    }

    // ---- convenience commands -------------------------------------------------------------

    /** CAPABILITY; the advertised set (case-insensitive). */
    public Set<String> capability() {
        ImapCompletion completion = execute("CAPABILITY");
        if (!completion.ok()) {
            throw new ImapCommandException("CAPABILITY", completion);
        }
        return completion.untaggedStream(ImapResponse.Capability.class).reduce((a, b) -> b)
                .map(ImapResponse.Capability::capabilities).orElse(handler.capabilities());
    }

    public SelectResult select(String mailbox) {
        return SelectResult.from(execute(ImapCommand.builder("SELECT").arg(mailbox).build()));
    }

    public SelectResult examine(String mailbox) {
        return SelectResult.from(execute(ImapCommand.builder("EXAMINE").arg(mailbox).build()));
    }

    /**
     * From now on every literal is synchronizing ({@code {n}}, sent after the server's {@code +}),
     * even when the server advertises LITERAL+ or LITERAL-: the most conservative way to send,
     * for when a server has been seen to mishandle non-synchronizing literals.
     */
    public void useSynchronizingLiterals() {
        handler.synchronizingOnly();
    }

    /**
     * APPEND one message.
     *
     * @return the APPENDUID when the server has UIDPLUS
     * @throws ImapCommandException on NO or BAD
     */
    public Optional<AppendUid> append(String mailbox, List<String> flags, byte[] message) {
        ImapCommand.Builder builder = ImapCommand.builder("APPEND").arg(mailbox);
        if (!flags.isEmpty()) {
            builder.raw("(" + String.join(" ", flags) + ")");
        }
        ImapCompletion completion = execute(builder.literal(message).build());
        if (!completion.ok()) {
            throw new ImapCommandException("APPEND to " + mailbox, completion);
        }
        return AppendUid.from(completion);
    }

    /**
     * APPENDs many messages without waiting for each answer: up to {@link #APPEND_WINDOW}
     * commands in flight, literals non-synchronizing when the server has LITERAL+ (or LITERAL- for
     * small ones), {@link #MULTIAPPEND_BATCH} messages per command when it has MULTIAPPEND.
     *
     * @return one completion per APPEND command sent, in order (check {@link ImapCompletion#ok()})
     */
    public List<ImapCompletion> appendPipelined(String mailbox, List<byte[]> messages) {
        Set<String> capabilities = capabilities().isEmpty() ? capability() : capabilities();
        int perCommand = capabilities.contains("MULTIAPPEND") ? MULTIAPPEND_BATCH : 1;
        Semaphore window = new Semaphore(APPEND_WINDOW);
        List<CompletableFuture<ImapCompletion>> futures = new ArrayList<>();
        for (int i = 0; i < messages.size(); i += perCommand) {
            ImapCommand.Builder builder = ImapCommand.builder("APPEND").arg(mailbox);
            for (byte[] message : messages.subList(i, Math.min(messages.size(), i + perCommand))) {
                builder.literal(message);
            }
            acquire(window);
            CompletableFuture<ImapCompletion> future = sendAsync(builder.build());
            future.whenComplete((c, e) -> window.release());
            futures.add(future);
        }
        List<ImapCompletion> completions = new ArrayList<>(futures.size());
        for (CompletableFuture<ImapCompletion> future : futures) {
            completions.add(await(future, timeout, "the tagged response to a pipelined APPEND"));
        }
        return completions;
    }

    private void acquire(Semaphore window) {
        try {
            if (!window.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ResponseTimeoutException("room in the APPEND window (" + APPEND_WINDOW + " in flight)", timeout,
                        activity);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted while appending", e);
        }
    }

    /**
     * Runs a FETCH (or UID FETCH, or any command producing FETCH responses) and hands each FETCH
     * response to {@code each} on the caller's thread, one at a time, without collecting them: a
     * million responses take the memory of a few thousand (reading pauses when the consumer falls
     * behind). The returned completion omits those FETCH responses; other untagged responses are
     * in it as usual. The session timeout bounds the silence between two responses, not the whole run.
     */
    public ImapCompletion fetchStream(String command, Consumer<ImapResponse.Fetch> each) {
        LinkedBlockingQueue<ImapResponse> queue = new LinkedBlockingQueue<>();
        AtomicBoolean paused = new AtomicBoolean();
        AtomicBoolean abandoned = new AtomicBoolean();
        PendingCommand pending = new PendingCommand(ImapCommand.of(command), PendingCommand.Kind.NORMAL, null, r -> {
            if (abandoned.get()) {
                return;
            }
            queue.add(r);
            if (queue.size() > STREAM_HIGH_WATER && paused.compareAndSet(false, true)) {
                connection.autoRead(false);
            }
        });
        pending.completion.whenComplete((c, e) -> queue.add(STREAM_END));
        send(pending);
        try {
            long silentSince = System.nanoTime();
            while (true) {
                // Resume reading whenever the queue is low, also while waiting: the event loop may
                // pause reading just after this thread drained the queue, and must not stall us.
                if (paused.get() && queue.size() < STREAM_LOW_WATER && paused.compareAndSet(true, false)) {
                    connection.autoRead(true);
                }
                ImapResponse next = queue.poll(STREAM_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (System.nanoTime() - silentSince > timeout.toNanos()) {
                        throw new ResponseTimeoutException("the next response to " + command, timeout, activity);
                    }
                    continue;
                }
                silentSince = System.nanoTime();
                if (next == STREAM_END) {
                    return await(pending.completion, timeout, "the tagged response to " + command);
                }
                each.accept((ImapResponse.Fetch) next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted during " + command, e);
        } finally {
            abandoned.set(true);
            if (paused.getAndSet(false)) {
                connection.autoRead(true);
            }
        }
    }

    // ---- ending ---------------------------------------------------------------------------

    /** LOGOUT and wait for its completion (the server closes the connection afterwards). */
    public ImapCompletion logout() {
        return execute("LOGOUT");
    }

    /** Drops the connection with a TCP reset, as a crashed client would. */
    public void abort() {
        connection.abort();
    }

    /** Closes the connection (no LOGOUT); bounded wait. */
    @Override
    public void close() {
        connection.close(timeout);
    }

    // ---- waiting --------------------------------------------------------------------------

    private <T> T await(Future<T> future, Duration wait, String what) {
        try {
            return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ResponseTimeoutException(what, wait, activity);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectionClosedException closed) {
                throw ConnectionClosedException.during(what, activity, closed);
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new ProtocolException(what + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted while waiting for " + what, e);
        }
    }

    /** Runs {@code task} on the channel's event loop, where the handler's state lives. */
    private <T> T onLoop(Callable<T> task) {
        return connection.onLoop(task, timeout);
    }

    private static CompletableFuture<Void> toCompletable(io.netty.util.concurrent.Future<?> nettyFuture) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        nettyFuture.addListener(f -> {
            if (f.isSuccess()) {
                future.complete(null);
            } else {
                future.completeExceptionally(new ConnectionClosedException("sending: " + f.cause().getMessage()));
            }
        });
        return future;
    }
}
