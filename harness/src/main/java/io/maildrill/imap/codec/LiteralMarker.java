package io.maildrill.imap.codec;

/**
 * Recognises the literal marker that ends a response line: {@code {n}}, {@code {n+}} or
 * {@code ~{n}} immediately before CRLF. Framing uses it to know that {@code n} octets of literal
 * data follow and that the response continues after them.
 */
final class LiteralMarker {

    /** Markers with more digits than this cannot be a long; the parser reports them. */
    static final int MAX_DIGITS = 18;

    private LiteralMarker() {
    }

    /**
     * The literal size announced at the end of {@code line} (which ends with CRLF), or -1 when the
     * line does not end with a well-formed marker.
     */
    static long sizeAtEnd(byte[] line) {
        int close = line.length - 3;
        if (close < 1 || line[close] != '}') {
            return -1;
        }
        int i = close - 1;
        if (line[i] == '+' || line[i] == '-') {
            i--;
        }
        int lastDigit = i;
        while (i >= 0 && line[i] >= '0' && line[i] <= '9') {
            i--;
        }
        int digits = lastDigit - i;
        if (i < 0 || line[i] != '{' || digits == 0 || digits > MAX_DIGITS) {
            return -1;
        }
        long size = 0;
        for (int d = i + 1; d <= lastDigit; d++) {
            size = size * 10 + (line[d] - '0');
        }
        return size;
    }

    /** Whether the marker at the end of {@code line} is a literal8 marker ({@code ~{n}}). */
    static boolean isLiteral8(byte[] line) {
        int open = line.length - 4;
        while (open >= 0 && line[open] != '{') {
            open--;
        }
        return open > 0 && line[open - 1] == '~';
    }
}
