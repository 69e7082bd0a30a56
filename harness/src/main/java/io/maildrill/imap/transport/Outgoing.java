package io.maildrill.imap.transport;

import io.maildrill.imap.codec.ImapCommandEncoder;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;

/**
 * A tagged command on its way out through {@link ImapTransport}: its encoded segments, how many
 * are written, and a future that completes with {@code true} once the last segment is on the wire,
 * or {@code false} when the server answered first (a refused synchronizing literal) or the
 * connection ended, so the rest is never sent. Touched on the channel's event loop only (the
 * future excepted).
 */
public final class Outgoing {

    private final String tag;
    private final ImapCommandEncoder.Encoded encoded;
    private final CompletableFuture<Boolean> written = new CompletableFuture<>();
    private int nextSegment;

    public Outgoing(String tag, ImapCommandEncoder.Encoded encoded) {
        this.tag = tag;
        this.encoded = encoded;
    }

    public String tag() {
        return tag;
    }

    /** Completes when the whole command is written ({@code true}) or never will be ({@code false}). */
    public CompletableFuture<Boolean> written() {
        return written;
    }

    boolean started() {
        return nextSegment > 0;
    }

    boolean fullyWritten() {
        return nextSegment >= encoded.segments().size();
    }

    ByteBuf takeNextSegment() {
        ByteBuf segment = encoded.segments().get(nextSegment++);
        if (fullyWritten()) {
            written.complete(true);
        }
        return segment;
    }

    /** Releases the segments that will never be written. */
    void abandon() {
        for (int i = nextSegment; i < encoded.segments().size(); i++) {
            ByteBuf segment = encoded.segments().get(i);
            if (segment.refCnt() > 0) {
                segment.release();
            }
        }
        nextSegment = encoded.segments().size();
        written.complete(false);
    }
}
