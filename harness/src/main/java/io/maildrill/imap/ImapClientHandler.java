package io.maildrill.imap;

import io.maildrill.imap.codec.ImapCommandEncoder;
import io.maildrill.imap.transport.ImapConnection;
import io.maildrill.imap.transport.LiteralContinued;
import io.maildrill.imap.transport.Outgoing;
import io.maildrill.imap.transport.StartTlsHold;
import io.maildrill.imap.transport.TagSequence;
import io.maildrill.net.ConnectionClosedException;
import io.maildrill.net.ProtocolException;
import io.maildrill.transcript.CredentialRedactor;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command engine of {@link ImapSession}, above the {@link io.maildrill.imap.transport.ImapTransport}
 * (which writes literals as the server asks for them): tags and encodes commands, matches tagged
 * responses to commands, answers SASL and IDLE continuations,
 * attributes untagged responses (see {@link ImapCompletion} for the rule), feeds waiters and keeps
 * the unsolicited backlog.
 *
 * <p>All state is confined to the channel's event loop; callers reach it through
 * {@code channel.write(PendingCommand)} and {@link #onLoop}-style tasks run by the session.
 */
final class ImapClientHandler extends ChannelDuplexHandler {

    static final String NAME = "imap-client";
    /** The unsolicited backlog keeps at most this many responses, dropping the oldest (counted). */
    static final int MAX_UNSOLICITED = 100_000;

    /** Something waiting for untagged responses; returns true when it is done (and consumed the response). */
    interface Waiter {
        boolean offer(ImapResponse response);

        void fail(Throwable cause);
    }

    private final CredentialRedactor redactor;
    private final Map<String, PendingCommand> inFlight = new LinkedHashMap<>();
    private final Deque<ImapResponse> unsolicited = new ArrayDeque<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final List<String> findings = Collections.synchronizedList(new ArrayList<>());
    private volatile Set<String> capabilities = Set.of();
    // Set by ImapSession.useSynchronizingLiterals: every literal waits for "+" whatever is advertised.
    private volatile boolean synchronizingOnly;
    private final TagSequence tags = new TagSequence("A", 4);
    private long droppedUnsolicited;
    private Throwable closedCause;

    /** Sits before this handler in the pipeline ({@link ImapConnection}); armed when STARTTLS goes out. */
    private StartTlsHold startTlsHold;

    ImapClientHandler(CredentialRedactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        startTlsHold = ctx.pipeline().get(StartTlsHold.class);
    }

    // ---- outbound -------------------------------------------------------------------------

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof PendingCommand pending)) {
            ctx.write(msg, promise);
            return;
        }
        promise.setSuccess();
        if (closedCause != null) {
            pending.completion.completeExceptionally(closedCause);
            return;
        }
        pending.tag = pending.command.tag().orElseGet(() -> tags.next(inFlight::containsKey));
        if (inFlight.containsKey(pending.tag)) {
            pending.completion.completeExceptionally(new IllegalStateException(
                    "tag " + pending.tag + " is already in use by a command in progress"));
            return;
        }
        inFlight.put(pending.tag, pending);
        if (pending.kind == PendingCommand.Kind.STARTTLS) {
            startTlsHold.holdAfterOk(pending.tag);
        }
        pending.outgoing = new Outgoing(pending.tag, ImapCommandEncoder.encode(pending.tag, pending.command,
                synchronizingOnly ? LiteralMode.SYNCHRONIZING : LiteralMode.from(capabilities)));
        ctx.writeAndFlush(pending.outgoing).addListener(f -> {
            if (!f.isSuccess()) {
                pending.completion.completeExceptionally(new ProtocolException(
                        "cannot send " + pending.tag + ": " + f.cause().getMessage(), f.cause()));
            }
        });
    }

    // ---- inbound --------------------------------------------------------------------------

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof LiteralContinued) {
            return; // the transport answered it with the literal
        }
        if (!(msg instanceof ImapResponse response)) {
            ctx.fireChannelRead(msg);
            return;
        }
        noteCapabilities(response);
        if (response instanceof ImapResponse.Tagged tagged) {
            onTagged(ctx, tagged);
        } else if (response instanceof ImapResponse.Continuation continuation) {
            onContinuation(ctx, continuation);
        } else {
            dispatchUntagged(response);
        }
    }

    private void onTagged(ChannelHandlerContext ctx, ImapResponse.Tagged tagged) {
        PendingCommand pending = inFlight.remove(tagged.tag());
        if (pending == null) {
            findings.add("tagged response for unknown tag " + tagged.tag() + ": " + tagged);
            dispatchUntagged(tagged);
            return;
        }
        if (pending.kind == PendingCommand.Kind.SASL) {
            redactor.saslExchangeOpen(false);
        }
        if (pending.kind == PendingCommand.Kind.STARTTLS && tagged.ok()) {
            // the capabilities before TLS say nothing of those after it (RFC 9051 §6.2.1); the hold
            // in front of this handler keeps any plaintext that follows the OK from reaching it
            capabilities = Set.of();
        }
        if (pending.kind == PendingCommand.Kind.IDLE && !pending.continued.isDone()) {
            pending.continued.completeExceptionally(new ProtocolException("IDLE ended without continuation: " + tagged));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - pending.queuedNanos);
        pending.completion.complete(new ImapCompletion(pending.tag, tagged, pending.untagged, elapsed));
    }

    private void onContinuation(ChannelHandlerContext ctx, ImapResponse.Continuation continuation) {
        for (PendingCommand pending : inFlight.values()) {
            if (!pending.fullyWritten()) {
                continue;
            }
            if (pending.kind == PendingCommand.Kind.IDLE && !pending.continued.isDone()) {
                pending.continued.complete(continuation);
                return;
            }
            if (pending.kind == PendingCommand.Kind.SASL) {
                redactor.saslExchangeOpen(true);
                byte[] answer = pending.challengeResponder.apply(continuation);
                ByteBuf line = ctx.alloc().buffer(answer.length + 2).writeBytes(answer).writeByte('\r').writeByte('\n');
                ctx.writeAndFlush(line);
                return;
            }
        }
        findings.add("continuation request when no command waits for one: " + continuation);
        dispatchUntagged(continuation);
    }

    private void dispatchUntagged(ImapResponse response) {
        boolean consumed = false;
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            if (it.next().offer(response)) {
                it.remove();
                consumed = true;
                break;
            }
        }
        if (inFlight.isEmpty()) {
            if (!consumed) {
                if (unsolicited.size() >= MAX_UNSOLICITED) {
                    unsolicited.pollFirst();
                    droppedUnsolicited++;
                }
                unsolicited.addLast(response);
            }
            return;
        }
        if (response instanceof ImapResponse.Fetch) {
            for (PendingCommand pending : inFlight.values()) {
                if (pending.fetchSink != null) {
                    pending.fetchSink.accept(response);
                    return;
                }
            }
        }
        for (PendingCommand pending : inFlight.values()) {
            if (pending.pushSink != null) {
                pending.pushSink.accept(response);
            } else {
                pending.untagged.add(response);
            }
        }
    }

    private void noteCapabilities(ImapResponse response) {
        if (response instanceof ImapResponse.Capability c) {
            capabilities = c.capabilities();
        } else {
            var code = response instanceof ImapResponse.Tagged t ? t.code()
                    : response instanceof ImapResponse.Condition c ? c.code() : java.util.Optional.<ResponseCode>empty();
            if (code.isPresent() && code.get().is("CAPABILITY")) {
                Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                for (String word : code.get().raw().split(" ")) {
                    if (!word.isEmpty()) {
                        set.add(word);
                    }
                }
                capabilities = Collections.unmodifiableSet(set);
            }
        }
    }

    // ---- failure --------------------------------------------------------------------------

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        failAll(new ConnectionClosedException("waiting for a response"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failAll(cause instanceof ProtocolException p ? p
                : new ProtocolException("connection failed: " + cause, cause));
        ctx.close();
    }

    private void failAll(Throwable cause) {
        if (closedCause == null) {
            closedCause = cause;
        }
        for (PendingCommand pending : inFlight.values()) {
            pending.continued.completeExceptionally(cause);
            pending.completion.completeExceptionally(cause);
        }
        inFlight.clear();
        for (Waiter waiter : waiters) {
            waiter.fail(cause);
        }
        waiters.clear();
    }

    // ---- queries and waiters, called on the event loop by the session --------------------

    void synchronizingOnly() {
        synchronizingOnly = true;
    }

    Set<String> capabilities() {
        return capabilities;
    }

    List<String> findings() {
        synchronized (findings) {
            return List.copyOf(findings);
        }
    }

    void addFinding(String finding) {
        findings.add(finding);
    }

    Throwable closedCause() {
        return closedCause;
    }

    List<ImapResponse> drainUnsolicited() {
        List<ImapResponse> out = new ArrayList<>(unsolicited);
        unsolicited.clear();
        if (droppedUnsolicited > 0) {
            findings.add(droppedUnsolicited + " unsolicited responses dropped (backlog limit " + MAX_UNSOLICITED + ")");
            droppedUnsolicited = 0;
        }
        return out;
    }

    /** Removes and returns the first backlog response matching, or registers the waiter. */
    ImapResponse takeUnsolicitedOrWait(java.util.function.Predicate<ImapResponse> predicate, Waiter waiter) {
        for (Iterator<ImapResponse> it = unsolicited.iterator(); it.hasNext(); ) {
            ImapResponse r = it.next();
            if (predicate.test(r)) {
                it.remove();
                return r;
            }
        }
        addWaiter(waiter);
        return null;
    }

    void addWaiter(Waiter waiter) {
        if (closedCause != null) {
            waiter.fail(closedCause);
        } else {
            waiters.add(waiter);
        }
    }

    void removeWaiter(Waiter waiter) {
        waiters.remove(waiter);
    }

}
