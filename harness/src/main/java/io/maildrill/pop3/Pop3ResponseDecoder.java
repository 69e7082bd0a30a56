package io.maildrill.pop3;

import io.maildrill.net.MalformedReply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;

/**
 * Frames server bytes into {@link Pop3Reply} values: status lines ({@code +OK}, {@code -ERR}, with
 * an optional RFC 2449 {@code [resp-code]}), SASL continuations ({@code +}), and multi-line replies
 * ended by a {@code "."} line, with dot-unstuffing.
 *
 * <p>Whether a {@code +OK} starts a multi-line reply is read from {@code expectations}, a queue the
 * session fills in send order; the decoder polls one element per reply. A reply that arrives when
 * the queue is empty is emitted wrapped in {@link Pop3UnsolicitedReply}.
 *
 * <p>Bad input becomes a {@link Pop3Malformed} value quoting the bytes, and the decoder resumes at
 * the next line: a status word other than {@code +OK}/{@code -ERR}/{@code +}, NUL or 8-bit octets in
 * a status line, a status line longer than {@code maxLineLength}, a multi-line reply longer than
 * {@code maxResponseLength} (resumes after its terminator), and input cut by the connection closing.
 * Bare LF and bare CR line ends are tolerated and recorded as {@link Pop3Deviation}s.
 *
 * <p>A multi-line reply stays unread in the cumulation buffer until its terminator arrives, each
 * line scanned once with {@link ByteBuf#indexOf}; it is then copied out once into the reply's raw
 * array, and the content shares that array unless dot-stuffing has to be removed.
 */
public final class Pop3ResponseDecoder extends ByteToMessageDecoder {

    public static final int DEFAULT_MAX_LINE_LENGTH = 64 * 1024;
    /**
     * Longest multi-line reply kept (it is held whole until its terminator): far above any message
     * the suites or benchmarks fetch (the "large" corpus tops out at 12 MB), and low enough that a
     * server streaming without end cannot take a 512 MB heap; longer replies become a Malformed
     * finding and are skipped to their terminator.
     */
    public static final int DEFAULT_MAX_RESPONSE_LENGTH = 64 * 1024 * 1024;

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final String STATUS_EXPECTED = "\"+OK\", \"-ERR\" or \"+\", then SP or CRLF";
    private static final ByteProcessor FIND_NUL_OR_8BIT = b -> b > 0;
    private static final ByteProcessor FIND_NUL = b -> b != 0;

    private enum State {
        /** At the start of a reply: waiting for a complete status line. */
        STATUS_LINE,
        /** Dropping the rest of an overlong status line, up to and including its LF. */
        SKIP_LINE,
        /** Inside a multi-line reply: scanning content lines for the terminator. */
        CONTENT,
        /** Dropping the rest of an oversized multi-line reply, up to and including its terminator. */
        SKIP_CONTENT
    }

    /** The parsed first line of a reply; {@code length} counts its line end too. */
    private record StatusLine(Pop3Status status, String firstLine, Optional<String> code, String text, int length) {
    }

    private final Queue<Pop3ResponseExpectation> expectations;
    private final int maxLineLength;
    private final int maxResponseLength;
    private final boolean allow8BitStatus;

    private State state = State.STATUS_LINE;

    // Multi-line reply in progress. Offsets are relative to the reader index, which stays at the
    // start of the reply until its terminator arrives (the cumulation may be reallocated meanwhile).
    private StatusLine pendingStatus;
    private boolean pendingSolicited;
    private int lineOffset;
    private int lfSearchOffset;
    private int[] stuffedDots = new int[8];
    private int stuffedCount;
    private final EnumSet<Pop3Deviation> deviations = EnumSet.noneOf(Pop3Deviation.class);
    private boolean skipAtLineStart;

    public Pop3ResponseDecoder(Queue<Pop3ResponseExpectation> expectations) {
        this(expectations, DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_RESPONSE_LENGTH, false);
    }

    /**
     * @param allow8BitStatus accept UTF-8 in status lines (after RFC 6856 {@code UTF8}); otherwise
     *                        an octet above 0x7F there is malformed
     */
    public Pop3ResponseDecoder(Queue<Pop3ResponseExpectation> expectations, int maxLineLength,
                               int maxResponseLength, boolean allow8BitStatus) {
        this.expectations = Objects.requireNonNull(expectations, "expectations");
        if (maxLineLength < 1 || maxResponseLength < 1) {
            throw new IllegalArgumentException("maxLineLength: " + maxLineLength + ", maxResponseLength: "
                    + maxResponseLength + " (expected: > 0)");
        }
        this.maxLineLength = maxLineLength;
        this.maxResponseLength = maxResponseLength;
        this.allow8BitStatus = allow8BitStatus;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        boolean progress = true;
        while (progress && in.isReadable()) {
            progress = switch (state) {
                case STATUS_LINE -> decodeStatusLine(in, out);
                case SKIP_LINE -> decodeSkipLine(in);
                case CONTENT -> decodeContent(in, out);
                case SKIP_CONTENT -> decodeSkipContent(in);
            };
        }
    }

    private boolean decodeStatusLine(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int lf = in.indexOf(start, in.writerIndex(), LF);
        if (lf < 0) {
            if (in.readableBytes() > maxLineLength + 1) {
                emit(out, expectations.poll() != null, overlongLine(in, start));
                in.skipBytes(in.readableBytes());
                state = State.SKIP_LINE;
                return true;
            }
            return false;
        }
        // start .. eol is the line; eol .. lf its line end (CRLF, or a bare LF)
        int eol = lf > start && in.getByte(lf - 1) == CR ? lf - 1 : lf;
        int length = lf + 1 - start;
        Pop3ResponseExpectation expected = expectations.poll();
        boolean solicited = expected != null;
        if (eol - start > maxLineLength) {
            emit(out, solicited, overlongLine(in, start));
            in.skipBytes(length);
            return true;
        }
        EnumSet<Pop3Deviation> lineDeviations = EnumSet.noneOf(Pop3Deviation.class);
        if (eol == lf) {
            lineDeviations.add(Pop3Deviation.BARE_LF);
        }
        if (eol > start && in.indexOf(start, eol, CR) >= 0) {
            lineDeviations.add(Pop3Deviation.BARE_CR);
        }
        byte[] line = new byte[eol - start];
        in.getBytes(start, line);
        Object parsed = parseStatusLine(line, length, in, start);
        if (parsed instanceof MalformedReply malformed) {
            in.skipBytes(length);
            emit(out, solicited, new Pop3Malformed(malformed));
            return true;
        }
        StatusLine status = (StatusLine) parsed;
        if (status.status() == Pop3Status.OK && expected == Pop3ResponseExpectation.MULTI_LINE_IF_OK) {
            // Leave the status line unread: the raw octets of the reply are copied out in one go at the end.
            pendingStatus = status;
            pendingSolicited = true;
            lineOffset = length;
            lfSearchOffset = length;
            stuffedCount = 0;
            deviations.clear();
            deviations.addAll(lineDeviations);
            state = State.CONTENT;
            return true;
        }
        byte[] raw = new byte[length];
        in.readBytes(raw);
        emit(out, solicited, new Pop3Response(status.status(), status.firstLine(), status.code(), status.text(),
                false, raw, raw, 0, 0, lineDeviations));
        return true;
    }

    /** Returns a {@link StatusLine} or a {@link MalformedReply}; {@code line} is without its line end. */
    private Object parseStatusLine(byte[] line, int length, ByteBuf in, int start) {
        Pop3Status status;
        int textStart;
        if (startsWith(line, "+OK") && (line.length == 3 || line[3] == ' ')) {
            status = Pop3Status.OK;
            textStart = 4;
        } else if (startsWith(line, "-ERR") && (line.length == 4 || line[4] == ' ')) {
            status = Pop3Status.ERR;
            textStart = 5;
        } else if (line.length >= 1 && line[0] == '+' && (line.length == 1 || line[1] == ' ')) {
            status = Pop3Status.CONTINUATION;
            textStart = 2;
        } else {
            int offset = startsWith(line, "+OK") ? 3 : startsWith(line, "-ERR") ? 4 : line.length >= 1 && line[0] == '+' ? 1 : 0;
            return new MalformedReply("status word", offset, STATUS_EXPECTED, ByteBufUtil.getBytes(in, start, length));
        }
        int bad = in.forEachByte(start, line.length, allow8BitStatus ? FIND_NUL : FIND_NUL_OR_8BIT);
        if (bad >= 0) {
            return new MalformedReply(in.getByte(bad) == 0 ? "NUL octet in status line" : "8-bit octet in status line",
                    bad - start, "printable US-ASCII", ByteBufUtil.getBytes(in, start, length));
        }
        String firstLine = new String(line, StandardCharsets.UTF_8);
        String text = textStart >= line.length ? "" : firstLine.substring(textStart);
        Optional<String> code = Optional.empty();
        int close = text.indexOf(']');
        if (status != Pop3Status.CONTINUATION && text.startsWith("[") && close > 1) {
            code = Optional.of(text.substring(1, close));
            text = text.substring(close + 1);
            text = text.startsWith(" ") ? text.substring(1) : text;
        }
        return new StatusLine(status, firstLine, code, text, length);
    }

    private boolean decodeContent(ByteBuf in, List<Object> out) {
        int base = in.readerIndex();
        int end = in.writerIndex();
        for (;;) {
            int lineStart = base + lineOffset;
            int lf = in.indexOf(base + lfSearchOffset, end, LF);
            if (lf < 0) {
                lfSearchOffset = end - base;
                if (end - base > maxResponseLength) {
                    return oversized(in, base, lineStart, out);
                }
                return false;
            }
            if (lf + 1 - base > maxResponseLength) {
                return oversized(in, base, lineStart, out);
            }
            // lineStart .. eol is the line; eol .. lf its line end
            int eol = lf > lineStart && in.getByte(lf - 1) == CR ? lf - 1 : lf;
            if (eol == lf) {
                deviations.add(Pop3Deviation.BARE_LF);
            }
            if (eol > lineStart && in.indexOf(lineStart, eol, CR) >= 0) {
                deviations.add(Pop3Deviation.BARE_CR);
            }
            if (eol > lineStart && in.getByte(lineStart) == '.') {
                if (eol == lineStart + 1) {
                    finishMultiLine(in, base, lineStart, lf, out);
                    return true;
                }
                addStuffedDot(lineStart - base);
            }
            lineOffset = lf + 1 - base;
            lfSearchOffset = lineOffset;
        }
    }

    /** Reports the reply as malformed and drops it from the current line on, through its terminator. */
    private boolean oversized(ByteBuf in, int base, int lineStart, List<Object> out) {
        emit(out, pendingSolicited, new Pop3Malformed(new MalformedReply(
                "multi-line reply longer than " + maxResponseLength + " octets", maxResponseLength,
                "terminating \".\" line within " + maxResponseLength + " octets",
                ByteBufUtil.getBytes(in, base, Math.min(MalformedReply.MAX_QUOTED, in.readableBytes())))));
        in.readerIndex(lineStart);
        skipAtLineStart = true;
        resetPending();
        state = State.SKIP_CONTENT;
        return true;
    }

    private void finishMultiLine(ByteBuf in, int base, int terminatorStart, int lf, List<Object> out) {
        byte[] raw = new byte[lf + 1 - base];
        in.readBytes(raw);
        int contentStart = pendingStatus.length();
        int contentEnd = terminatorStart - base;
        byte[] contentArray = raw;
        int contentOffset = contentStart;
        int contentLength = contentEnd - contentStart;
        if (stuffedCount > 0) {
            contentLength -= stuffedCount;
            contentArray = new byte[contentLength];
            contentOffset = 0;
            int src = contentStart;
            int dst = 0;
            for (int i = 0; i < stuffedCount; i++) {
                int dot = stuffedDots[i];
                System.arraycopy(raw, src, contentArray, dst, dot - src);
                dst += dot - src;
                src = dot + 1;
            }
            System.arraycopy(raw, src, contentArray, dst, contentEnd - src);
        }
        StatusLine status = pendingStatus;
        emit(out, pendingSolicited, new Pop3Response(status.status(), status.firstLine(), status.code(), status.text(),
                true, raw, contentArray, contentOffset, contentLength, deviations));
        resetPending();
        state = State.STATUS_LINE;
    }

    private boolean decodeSkipLine(ByteBuf in) {
        int lf = in.indexOf(in.readerIndex(), in.writerIndex(), LF);
        if (lf < 0) {
            in.skipBytes(in.readableBytes());
            return false;
        }
        in.readerIndex(lf + 1);
        state = State.STATUS_LINE;
        return true;
    }

    private boolean decodeSkipContent(ByteBuf in) {
        int start = in.readerIndex();
        int lf = in.indexOf(start, in.writerIndex(), LF);
        if (lf < 0) {
            // Keep a possible partial terminator (".", ".\r") until its LF arrives.
            if (!skipAtLineStart || in.readableBytes() > 2) {
                in.skipBytes(in.readableBytes());
                skipAtLineStart = false;
            }
            return false;
        }
        boolean terminator = skipAtLineStart && in.getByte(start) == '.'
                && (lf == start + 1 || (lf == start + 2 && in.getByte(start + 1) == CR));
        in.readerIndex(lf + 1);
        skipAtLineStart = true;
        if (terminator) {
            state = State.STATUS_LINE;
        }
        return true;
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        int n = in.readableBytes();
        switch (state) {
            case STATUS_LINE -> {
                if (n > 0) {
                    emit(out, expectations.poll() != null, new Pop3Malformed(new MalformedReply(
                            "connection closed inside a status line", n, "CRLF", ByteBufUtil.getBytes(in))));
                }
            }
            case CONTENT -> {
                // Quote the end, where the terminator is missing, rather than the start.
                int quoted = Math.min(n, MalformedReply.MAX_QUOTED);
                emit(out, pendingSolicited, new Pop3Malformed(new MalformedReply(
                        "connection closed inside a multi-line reply after " + n + " octets (last " + quoted + " quoted)",
                        quoted, "terminating \".\" line",
                        ByteBufUtil.getBytes(in, in.writerIndex() - quoted, quoted))));
            }
            case SKIP_LINE, SKIP_CONTENT -> {
                // The malformed reply was already emitted when skipping began.
            }
        }
        in.skipBytes(n);
        resetPending();
        state = State.STATUS_LINE;
    }

    /**
     * Removes and returns the octets received but not yet framed, and expects a status line next.
     * STLS uses it: anything the server sent after its {@code +OK} and before the TLS handshake is
     * plaintext injection (RFC 2595 section 4) and must not be read as part of the TLS session.
     * Must be called on the channel's event loop.
     */
    public byte[] discardBufferedBytes() {
        ByteBuf buffer = internalBuffer();
        byte[] bytes = ByteBufUtil.getBytes(buffer);
        buffer.skipBytes(buffer.readableBytes());
        resetPending();
        state = State.STATUS_LINE;
        return bytes;
    }

    private Pop3Malformed overlongLine(ByteBuf in, int start) {
        int quoted = Math.min(in.readableBytes(), MalformedReply.MAX_QUOTED);
        return new Pop3Malformed(new MalformedReply("status line longer than " + maxLineLength + " octets",
                maxLineLength, "CRLF within " + maxLineLength + " octets", ByteBufUtil.getBytes(in, start, quoted)));
    }

    private void addStuffedDot(int offset) {
        if (stuffedCount == stuffedDots.length) {
            stuffedDots = Arrays.copyOf(stuffedDots, stuffedCount * 2);
        }
        stuffedDots[stuffedCount++] = offset;
    }

    private void resetPending() {
        pendingStatus = null;
        pendingSolicited = false;
        lineOffset = 0;
        lfSearchOffset = 0;
        stuffedCount = 0;
        deviations.clear();
    }

    private static void emit(List<Object> out, boolean solicited, Pop3Reply reply) {
        out.add(solicited ? reply : new Pop3UnsolicitedReply(reply));
    }

    private static boolean startsWith(byte[] line, String prefix) {
        if (line.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (line[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
