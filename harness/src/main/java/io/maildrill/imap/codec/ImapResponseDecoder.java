package io.maildrill.imap.codec;

import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.Str;
import io.maildrill.net.MalformedReply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames the server's byte stream into responses and parses each into an {@link ImapResponse}.
 *
 * <p>Framing: a response is a line ending in CRLF; when the line ends with a literal marker
 * ({@code {n}}, {@code {n+}}, {@code ~{n}}), {@code n} octets follow and the response continues
 * with another line, as many times as needed. Parsing ({@link ResponseParser}) only starts when
 * the whole response is framed, so the parser never sees a partial input.
 *
 * <p>Literals up to {@code retentionLimit} octets are kept; larger ones are streamed through a
 * SHA-256 digest and not kept, so memory does not grow with message size. What one response keeps
 * (lines and kept literals) is bounded by {@code maxResponseRetained}: a response with many
 * literals under the limit each (a FETCH of a thousand 8 MB bodies in one response) is framed to
 * its end but kept no further, and reported. Malformed input (bare
 * LF, over-long line, connection closed inside a response, anything the parser rejects) becomes
 * an {@link ImapResponse.Malformed} value and the decoder resumes at the next line.
 */
public final class ImapResponseDecoder extends ByteToMessageDecoder {

    public static final int DEFAULT_RETENTION_LIMIT = 8 * 1024 * 1024;
    /** Long enough for {@code * SEARCH} over a million messages. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 64 * 1024 * 1024;
    /** What one response may keep in all: two of the longest lines, or sixteen literals at the retention limit. */
    public static final long DEFAULT_MAX_RESPONSE_RETAINED = 128L * 1024 * 1024;

    private enum State { LINE, LITERAL, STREAMED_LITERAL, DISCARD_LINE }

    private final int retentionLimit;
    private final int maxLineLength;
    private final long maxResponseRetained;
    private final ResponseParser parser = new ResponseParser();

    private State state = State.LINE;
    // the response being framed
    private final List<byte[]> lines = new ArrayList<>(2);
    private final List<Str> literals = new ArrayList<>(1);
    private long wireLength;
    // octets the response being framed keeps (lines and kept literals), and whether it went over
    // maxResponseRetained: then the rest of it is framed (to find its end) but not kept
    private long retained;
    private boolean discarding;
    // LINE: how far the current line has already been searched for LF (avoids rescanning)
    private int scanned;
    // LITERAL / STREAMED_LITERAL
    private long literalSize;
    private long literalRemaining;
    private Str.Form literalForm;
    private MessageDigest digest;

    public ImapResponseDecoder() {
        this(DEFAULT_RETENTION_LIMIT, DEFAULT_MAX_LINE_LENGTH);
    }

    public ImapResponseDecoder(int retentionLimit, int maxLineLength) {
        this(retentionLimit, maxLineLength, Math.max(DEFAULT_MAX_RESPONSE_RETAINED, 2L * maxLineLength));
    }

    public ImapResponseDecoder(int retentionLimit, int maxLineLength, long maxResponseRetained) {
        if (retentionLimit < 0 || maxLineLength < 16 || maxResponseRetained < maxLineLength) {
            throw new IllegalArgumentException("retentionLimit: " + retentionLimit + " (expected: >= 0), maxLineLength: "
                    + maxLineLength + " (expected: >= 16), maxResponseRetained: " + maxResponseRetained
                    + " (expected: >= maxLineLength)");
        }
        this.retentionLimit = retentionLimit;
        this.maxLineLength = maxLineLength;
        this.maxResponseRetained = maxResponseRetained;
    }

    public int retentionLimit() {
        return retentionLimit;
    }

    /** Octets received but not yet decoded (used to detect STARTTLS response injection). */
    public int bufferedBytes() {
        return actualReadableBytes();
    }

    /** Removes and returns the undecoded octets, e.g. plaintext injected before a TLS handshake. */
    public byte[] discardBuffered() {
        ByteBuf cumulation = internalBuffer();
        byte[] bytes = ByteBufUtil.getBytes(cumulation);
        cumulation.skipBytes(cumulation.readableBytes());
        resetResponse();
        state = State.LINE;
        return bytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        boolean progress = true;
        while (progress && in.isReadable()) {
            progress = switch (state) {
                case LINE -> decodeLine(in, out);
                case LITERAL -> decodeLiteral(in, out);
                case STREAMED_LITERAL -> decodeStreamedLiteral(in);
                case DISCARD_LINE -> decodeDiscardLine(in);
            };
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        if (in.isReadable() || !lines.isEmpty() || state != State.LINE) {
            byte[] tail = ByteBufUtil.getBytes(in);
            in.skipBytes(in.readableBytes());
            long length = wireLength + tail.length;
            // A kept literal waits in the buffer until it is whole, so what arrived of it is the tail;
            // a streamed one has counted down as it passed.
            long missing = state == State.LITERAL ? literalRemaining - Math.min(literalRemaining, tail.length) : literalRemaining;
            String where = switch (state) {
                case LITERAL, STREAMED_LITERAL -> "inside a literal (" + missing + " of " + literalSize + " octets missing)";
                default -> "before CRLF";
            };
            byte[] quote = quoteOfPartial(tail);
            out.add(malformed("connection closed " + where, quote.length, "CRLF", quote, length));
            resetResponse();
            state = State.LINE;
        }
    }

    // ---- LINE: find LF, take the line, then either a literal follows or the response is complete

    private boolean decodeLine(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int lf = in.indexOf(start + scanned, in.writerIndex(), (byte) '\n');
        if (lf < 0) {
            scanned = in.readableBytes();
            if (scanned > maxLineLength) {
                byte[] head = ByteBufUtil.getBytes(in, start, Math.min(scanned, MalformedReply.MAX_QUOTED));
                out.add(malformed("line longer than " + maxLineLength + " octets", maxLineLength, "CRLF", head,
                        wireLength + scanned));
                in.skipBytes(scanned);
                resetResponse();
                state = State.DISCARD_LINE;
                return true;
            }
            return false;
        }
        scanned = 0;
        int length = lf - start + 1;
        byte[] line = new byte[length];
        in.readBytes(line);
        wireLength += length;
        if (length < 2 || line[length - 2] != '\r') {
            out.add(malformed("line ends with bare LF", length - 1, "CRLF", line, wireLength));
            resetResponse();
            return true;
        }
        long size = LiteralMarker.sizeAtEnd(line);
        long keeps = length + (size >= 0 && size <= retentionLimit ? size : 0);
        if (!discarding && retained + keeps > maxResponseRetained) {
            byte[] first = lines.isEmpty() ? line : lines.get(0);
            out.add(malformed("response keeping more than " + maxResponseRetained + " octets (lines and literals)", 0,
                    "a shorter response", first, wireLength));
            lines.clear();
            literals.clear();
            discarding = true;
            // the octets so far belong to that finding; what is skipped after it, to no response
            wireLength = 0;
        }
        if (discarding) {
            if (size < 0) {
                resetResponse();
                return true;
            }
        } else {
            lines.add(line);
            retained += keeps;
            if (size < 0) {
                out.add(parser.parse(lines, literals, wireLength));
                resetResponse();
                return true;
            }
        }
        literalForm = LiteralMarker.isLiteral8(line) ? Str.Form.LITERAL8 : Str.Form.LITERAL;
        literalSize = size;
        literalRemaining = size;
        if (size > retentionLimit || discarding) {
            digest = Str.newSha256();
            state = State.STREAMED_LITERAL;
        } else {
            state = State.LITERAL;
        }
        return true;
    }

    // ---- LITERAL: wait until all octets are there, keep them

    private boolean decodeLiteral(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < literalSize) {
            return false;
        }
        byte[] content = new byte[(int) literalSize];
        in.readBytes(content);
        literalDone(Str.retained(literalForm, content));
        return true;
    }

    // ---- STREAMED_LITERAL: digest octets as they pass, keep nothing

    private boolean decodeStreamedLiteral(ByteBuf in) {
        int n = (int) Math.min(in.readableBytes(), literalRemaining);
        digest.update(in.nioBuffer(in.readerIndex(), n));
        in.skipBytes(n);
        literalRemaining -= n;
        if (literalRemaining == 0) {
            literalDone(Str.streamed(literalForm, literalSize, digest.digest()));
            digest = null;
        }
        return n > 0;
    }

    private void literalDone(Str literal) {
        if (!discarding) {
            literals.add(literal);
        }
        wireLength += literalSize;
        literalRemaining = 0;
        state = State.LINE;
    }

    // ---- DISCARD_LINE: after an over-long line, skip to the next LF

    private boolean decodeDiscardLine(ByteBuf in) {
        int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (lf < 0) {
            in.skipBytes(in.readableBytes());
            return false;
        }
        in.readerIndex(lf + 1);
        state = State.LINE;
        return true;
    }

    private void resetResponse() {
        lines.clear();
        literals.clear();
        retained = 0;
        discarding = false;
        wireLength = 0;
        scanned = 0;
    }

    /** The lines framed so far and the unterminated tail, for the quote of a truncated response. */
    private byte[] quoteOfPartial(byte[] tail) {
        byte[] last = lines.isEmpty() ? new byte[0] : lines.get(lines.size() - 1);
        byte[] quote = new byte[last.length + tail.length];
        System.arraycopy(last, 0, quote, 0, last.length);
        System.arraycopy(tail, 0, quote, last.length, tail.length);
        return quote;
    }

    private static ImapResponse.Malformed malformed(String problem, int offset, String expected, byte[] bytes,
                                                    long wireLength) {
        int from = Math.max(0, Math.min(offset - MalformedReply.MAX_QUOTED / 2, bytes.length - MalformedReply.MAX_QUOTED));
        byte[] quote = from == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, from, bytes.length);
        return new ImapResponse.Malformed(new MalformedReply(problem, offset - from, expected, quote), wireLength);
    }
}
