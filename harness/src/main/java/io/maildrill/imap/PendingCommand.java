package io.maildrill.imap;

import io.maildrill.imap.codec.ImapCommandEncoder;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A command travelling through {@link ImapClientHandler}: what is left to write, the untagged
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
    final long queuedNanos = System.nanoTime();

    String tag;
    ImapCommandEncoder.Encoded encoded;
    int nextSegment;

    PendingCommand(ImapCommand command, Kind kind, Function<ImapResponse.Continuation, byte[]> challengeResponder,
                   Consumer<ImapResponse> fetchSink) {
        this.command = command;
        this.kind = kind;
        this.challengeResponder = challengeResponder;
        this.fetchSink = fetchSink;
    }

    static PendingCommand normal(ImapCommand command) {
        return new PendingCommand(command, Kind.NORMAL, null, null);
    }

    boolean fullyWritten() {
        return encoded != null && nextSegment >= encoded.segments().size();
    }

    /** Releases segments that will never be written (server refused a synchronizing literal). */
    void dropUnwritten() {
        if (encoded != null) {
            for (int i = nextSegment; i < encoded.segments().size(); i++) {
                ByteBuf segment = encoded.segments().get(i);
                if (segment.refCnt() > 0) {
                    segment.release();
                }
            }
            nextSegment = encoded.segments().size();
        }
    }
}
