package io.maildrill.corpus;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The structural kinds of message the corpus produces. Each shape exists because some server
 * code path treats it differently (MIME parsing, 8-bit transport, header decoding and
 * unfolding, line length limits, POP3 dot-stuffing, empty bodies).
 *
 * <p>Every shape yields a valid RFC 5322 message with CRLF line ends and lines of at most 998
 * octets. Each constant has a lower-case {@link #token()} used by fixture text.
 */
public enum MessageShape {
    /** One {@code text/plain; charset=us-ascii} body, 7bit. */
    PLAIN("plain"),
    /** {@code multipart/alternative}: a text/plain part and a text/html part. */
    MULTIPART_ALTERNATIVE("multipart-alternative"),
    /** {@code multipart/mixed}: a text part and a base64 {@code application/octet-stream} attachment that carries most of the size. */
    MULTIPART_MIXED_ATTACHMENT("multipart-mixed-attachment"),
    /** UTF-8 text body with non-ASCII octets, {@code Content-Transfer-Encoding: 8bit}. */
    EIGHT_BIT("eight-bit"),
    /** Subject and From display name as RFC 2047 encoded-words (B and Q encodings). */
    ENCODED_HEADERS("encoded-headers"),
    /** A long Subject and a long To list, folded onto continuation lines. */
    FOLDED_HEADERS("folded-headers"),
    /** Body lines of 990 to 998 octets, at least one of exactly 998 (the RFC 5322 limit). */
    LONG_LINES("long-lines"),
    /**
     * Body whose first line starts with "." and which contains the lines ".", "..", ".x", ". "
     * and ends with a "." line: everything POP3 dot-stuffing must get right.
     */
    DOT_LINES("dot-lines"),
    /** Header block and blank separator line only; the body is zero octets. */
    EMPTY_BODY("empty-body");

    private final String token;

    MessageShape(String token) {
        this.token = token;
    }

    /** The lower-case name used in fixture text, e.g. {@code dot-lines}. */
    public String token() {
        return token;
    }

    /**
     * The shape whose {@link #token()} is {@code token} (case-insensitive; {@code _} accepted for {@code -}).
     *
     * @throws IllegalArgumentException naming the token and the accepted ones
     */
    public static MessageShape fromToken(String token) {
        String wanted = token.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        for (MessageShape shape : values()) {
            if (shape.token.equals(wanted)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("unknown shape '" + token + "' (expected one of: " + tokens() + ")");
    }

    /** All tokens, comma-separated, for error messages. */
    static String tokens() {
        return Arrays.stream(values()).map(MessageShape::token).collect(Collectors.joining(", "));
    }
}
