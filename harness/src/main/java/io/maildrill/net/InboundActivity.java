package io.maildrill.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a server has sent on one connection, kept small whatever it sends: the number of octets,
 * when the last ones arrived, the start of the last complete line, and the start and end of what
 * came after it without a line end. Recorded even when the transcript is off (bulk provisioning),
 * so that a wait that ends badly can say what the server did instead of only what was waited for:
 * stalled after its last answer, dripped, sent garbage, a wrong tag or a BYE, or is in the middle
 * of a 10 MB line or a 4 GB literal.
 *
 * <p>On every read, on the connection's event loop: a backward search for the last line feed
 * (usually a line's length from the end) and bulk copies of at most {@link #HEAD} + {@link #TAIL}
 * octets into fixed buffers; nothing is allocated. Read from any thread under the object's lock,
 * which is uncontended in practice (one writer, rare readers).
 */
public final class InboundActivity {

    /** Octets kept of the start of a line (the last complete one, and the unfinished one). */
    public static final int HEAD = 160;
    /** Octets kept of the end of the unfinished line, when it is longer than {@link #HEAD}. */
    public static final int TAIL = 80;

    private final long openedNanos = System.nanoTime();
    private long octets;
    private long lastArrivalNanos;
    // the last complete line: its first octets and its whole length
    private byte[] lastHead = new byte[HEAD];
    private int lastHeadLength;
    private long lastLineLength;
    // the line after it, not ended yet: its first octets, its last octets (a ring), its length
    private byte[] currentHead = new byte[HEAD];
    private int currentHeadLength;
    private final byte[] currentTail = new byte[TAIL];
    private int tailEnd;
    private long currentLength;

    /**
     * The same for a client that reads from a blocking socket (the Jakarta Mail baseline's); the
     * one allocation is the wrapper around the caller's array.
     */
    public void received(byte[] bytes, int offset, int length) {
        received(Unpooled.wrappedBuffer(bytes, offset, length));
    }

    synchronized void received(ByteBuf buf) {
        int from = buf.readerIndex();
        int to = buf.writerIndex();
        octets += to - from;
        lastArrivalNanos = System.nanoTime();
        int lastLf = to == from ? -1 : buf.forEachByteDesc(from, to - from, b -> b != '\n');
        if (lastLf < 0) {
            append(buf, from, to);
            return;
        }
        int previousLf = lastLf == from ? -1 : buf.forEachByteDesc(from, lastLf - from, b -> b != '\n');
        if (previousLf >= 0) {
            startLine();
            append(buf, previousLf + 1, lastLf + 1);
        } else {
            append(buf, from, lastLf + 1);
        }
        // the current line is complete: it becomes the last one (the buffers swap, nothing is copied)
        byte[] swap = lastHead;
        lastHead = currentHead;
        lastHeadLength = currentHeadLength;
        lastLineLength = currentLength;
        currentHead = swap;
        startLine();
        append(buf, lastLf + 1, to);
    }

    private void startLine() {
        currentHeadLength = 0;
        currentLength = 0;
    }

    private void append(ByteBuf buf, int from, int to) {
        int n = to - from;
        currentLength += n;
        int toHead = Math.min(HEAD - currentHeadLength, n);
        buf.getBytes(from, currentHead, currentHeadLength, toHead);
        currentHeadLength += toHead;
        for (int i = Math.max(from, to - TAIL); i < to; i++) {
            currentTail[tailEnd] = buf.getByte(i);
            tailEnd = (tailEnd + 1) % TAIL;
        }
    }

    /**
     * One clause for an error message, e.g. {@code the server sent 1204 octets on this connection,
     * the last 5.0 s ago; its last line: "A17 OK APPEND done\r\n"}.
     */
    public synchronized String describe() {
        if (octets == 0) {
            return "the server sent nothing on this connection in " + seconds(System.nanoTime() - openedNanos);
        }
        StringBuilder sb = new StringBuilder("the server sent ").append(octets).append(" octets on this connection, the last ")
                .append(seconds(System.nanoTime() - lastArrivalNanos)).append(" ago");
        if (lastLineLength > 0) {
            sb.append("; its last line: \"").append(MalformedReply.quote(Arrays.copyOf(lastHead, lastHeadLength)))
                    .append(lastLineLength > lastHeadLength ? "...\" (" + lastLineLength + " octets)" : "\"");
        }
        if (currentLength > 0) {
            sb.append("; then ").append(currentLength).append(" octets without a line end: \"")
                    .append(MalformedReply.quote(Arrays.copyOf(currentHead, currentHeadLength)));
            long beyondHead = currentLength - currentHeadLength;
            if (beyondHead > 0) {
                int shown = (int) Math.min(TAIL, beyondHead);
                byte[] tail = new byte[shown];
                for (int i = 0; i < shown; i++) {
                    tail[i] = currentTail[Math.floorMod(tailEnd - shown + i, TAIL)];
                }
                sb.append(beyondHead > shown ? "..." : "").append(MalformedReply.quote(tail));
            }
            sb.append('"');
        }
        return sb.toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", Duration.ofNanos(nanos).toMillis() / 1000.0);
    }
}
