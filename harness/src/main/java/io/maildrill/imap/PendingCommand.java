package io.maildrill.imap;

import io.maildrill.imap.transport.Outgoing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A command travelling through {@link ImapClientHandler}: its transport state, the untagged
 * responses collected for it, and the future its caller waits on. Mutable, and touched only on the
 * channel's event loop (except the futures, which are thread-safe).
 */
final class PendingCommand {

    /** What kind of continuation handling the command needs. */
    enum Kind { NORMAL, IDLE, SASL, STARTTLS }

    final ImapCommand command;
    final Kind kind;
    final CompletableFuture<ImapCompletion> completion = new CompletableFuture<>();
    /** Completed when the server's continuation arrives for IDLE. */
    final CompletableFuture<ImapResponse.Continuation> continued = new CompletableFuture<>();
    final List<ImapResponse> untagged = new ArrayList<>();
    /** SASL: answers each server challenge with the next client line (without CRLF). */
    final Function<ImapResponse.Continuation, byte[]> challengeResponder;
    /** Streaming fetch: receives FETCH responses instead of {@link #untagged}. */
    final Consumer<ImapResponse> fetchSink;
    /** Streaming IDLE: receives every untagged response instead of {@link #untagged}, so a long IDLE keeps none. */
    final Consumer<ImapResponse> pushSink;
    final long queuedNanos = System.nanoTime();

    String tag;
    /** Set when the command is tagged and handed to the transport. */
    Outgoing outgoing;

    PendingCommand(ImapCommand command, Kind kind, Function<ImapResponse.Continuation, byte[]> challengeResponder,
                   Consumer<ImapResponse> fetchSink) {
        this(command, kind, challengeResponder, fetchSink, null);
    }

    private PendingCommand(ImapCommand command, Kind kind, Function<ImapResponse.Continuation, byte[]> challengeResponder,
                           Consumer<ImapResponse> fetchSink, Consumer<ImapResponse> pushSink) {
        this.command = command;
        this.kind = kind;
        this.challengeResponder = challengeResponder;
        this.fetchSink = fetchSink;
        this.pushSink = pushSink;
    }

    /** An IDLE whose pushed responses go to {@code pushSink} as they arrive. */
    static PendingCommand streamingIdle(Consumer<ImapResponse> pushSink) {
        return new PendingCommand(ImapCommand.of("IDLE"), Kind.IDLE, null, null, pushSink);
    }

    static PendingCommand normal(ImapCommand command) {
        return new PendingCommand(command, Kind.NORMAL, null, null);
    }

    /** Whether every octet of the command is written: a continuation can then be for it (SASL, IDLE). */
    boolean fullyWritten() {
        return outgoing != null && Boolean.TRUE.equals(outgoing.written().getNow(false));
    }
}
