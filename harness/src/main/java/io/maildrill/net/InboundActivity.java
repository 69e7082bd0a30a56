package io.maildrill.net;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Locale;

/**
 * What a server has sent on one connection, kept small whatever it sends: the number of octets,
 * when the last ones arrived, the start of the last complete line, and the start and end of what
 * came after it without a line end. Recorded even when the transcript is off (bulk provisioning),
 * so that a wait that ends badly can say what the server did instead of only what was waited for:
 * stalled after its last answer, dripped, sent garbage, a wrong tag or a BYE, or is in the middle
 * of a 10 MB line or a 4 GB literal.
 *
 * <p>Written on the connection's event loop, read from any thread under the object's lock, which
 * is uncontended in practice (one writer, rare readers).
 */
public final class InboundActivity {

    /** Octets kept of the start of a line (the last complete one, and the unfinished one). */
    public static final int HEAD = 160;
    /** Octets kept of the end of the unfinished line, when it is longer than {@link #HEAD}. */
    public static final int TAIL = 80;

    private final long openedNanos = System.nanoTime();
    private long octets;
    private long lastArrivalNanos;
    private byte[] lastLine = new byte[0];
    private long lastLineLength;
    private final ByteArrayOutputStream currentHead = new ByteArrayOutputStream(HEAD);
    private final byte[] currentTail = new byte[TAIL];
    private int tailStart;
    private int tailLength;
    private long currentLength;

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
        lastLine = currentHead.toByteArray();
        lastLineLength = currentLength;
        startLine();
        append(buf, lastLf + 1, to);
    }

    private void startLine() {
        currentHead.reset();
        tailStart = 0;
        tailLength = 0;
        currentLength = 0;
    }

    private void append(ByteBuf buf, int from, int to) {
        int n = to - from;
        currentLength += n;
        int room = HEAD - currentHead.size();
        for (int i = from; i < from + Math.min(room, n); i++) {
            currentHead.write(buf.getByte(i));
        }
        for (int i = Math.max(from, to - TAIL); i < to; i++) {
            currentTail[(tailStart + tailLength) % TAIL] = buf.getByte(i);
            if (tailLength < TAIL) {
                tailLength++;
            } else {
                tailStart = (tailStart + 1) % TAIL;
            }
        }
    }

    public synchronized long octets() {
        return octets;
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
            sb.append("; its last line: \"").append(MalformedReply.quote(lastLine))
                    .append(lastLineLength > lastLine.length ? "...\" (" + lastLineLength + " octets)" : "\"");
        }
        if (currentLength > 0) {
            sb.append("; then ").append(currentLength).append(" octets without a line end: \"")
                    .append(MalformedReply.quote(currentHead.toByteArray()));
            if (currentLength > currentHead.size()) {
                byte[] tail = new byte[tailLength];
                for (int i = 0; i < tailLength; i++) {
                    tail[i] = currentTail[(tailStart + i) % TAIL];
                }
                sb.append(currentLength > currentHead.size() + tailLength ? "..." : "").append(MalformedReply.quote(
                        java.util.Arrays.copyOfRange(tail, (int) Math.max(0, tailLength - (currentLength - currentHead.size())), tailLength)));
            }
            sb.append('"');
        }
        return sb.toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", Duration.ofNanos(nanos).toMillis() / 1000.0);
    }
}
