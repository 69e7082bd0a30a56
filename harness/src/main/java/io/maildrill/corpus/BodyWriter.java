package io.maildrill.corpus;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Writes the body of each {@link MessageShape}, aiming at a byte budget. */
final class BodyWriter {

    private static final byte[] BASE64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);

    /** RFC 5322 section 2.1.1: lines must not exceed 998 octets excluding CRLF. */
    static final int MAX_LINE = 998;

    private BodyWriter() {
    }

    static void write(MessageShape shape, ByteSink out, SplittableRandom r, long budget, String boundary, int index) {
        switch (shape) {
            case PLAIN, ENCODED_HEADERS, FOLDED_HEADERS -> TextWriter.paragraphs(out, r, budget, 0);
            case EIGHT_BIT -> TextWriter.paragraphs(out, r, budget, 4);
            case MULTIPART_ALTERNATIVE -> alternative(out, r, budget, boundary);
            case MULTIPART_MIXED_ATTACHMENT -> mixedWithAttachment(out, r, budget, boundary, index);
            case LONG_LINES -> longLines(out, r, budget);
            case DOT_LINES -> dotLines(out, r, budget);
            case EMPTY_BODY -> { }
        }
    }

    private static void alternative(ByteSink out, SplittableRandom r, long budget, String boundary) {
        long start = out.length();
        out.ascii("This is a multi-part message in MIME format.").crlf().crlf();
        partHeader(out, boundary, "text/plain; charset=us-ascii", "7bit");
        long half = Math.max(0, (budget - 400) / 2);
        TextWriter.paragraphs(out, r, half, 0);
        partHeader(out, boundary, "text/html; charset=us-ascii", "7bit");
        out.ascii("<html><body>").crlf().ascii("<p>").crlf();
        long htmlBudget = budget - (out.length() - start) - boundary.length() - 26;
        TextWriter.paragraphs(out, r, htmlBudget, 0);
        out.ascii("</p>").crlf().ascii("</body></html>").crlf();
        closeDelimiter(out, boundary);
    }

    private static void mixedWithAttachment(ByteSink out, SplittableRandom r, long budget, String boundary, int index) {
        long start = out.length();
        out.ascii("This is a multi-part message in MIME format.").crlf().crlf();
        partHeader(out, boundary, "text/plain; charset=us-ascii", "7bit");
        TextWriter.paragraphs(out, r, Math.min(1200, Math.max(200, budget / 10)), 0);
        String name = "attachment-" + index + ".bin";
        out.ascii("--").ascii(boundary).crlf()
                .ascii("Content-Type: application/octet-stream; name=\"").ascii(name).ascii("\"").crlf()
                .ascii("Content-Transfer-Encoding: base64").crlf()
                .ascii("Content-Disposition: attachment; filename=\"").ascii(name).ascii("\"").crlf()
                .crlf();
        long remaining = budget - (out.length() - start) - boundary.length() - 6;
        base64Lines(out, r, Math.max(6, remaining));
        closeDelimiter(out, boundary);
    }

    /**
     * Base64 text straight from random bits: any run of the 64-letter alphabet whose length is a
     * multiple of 4 decodes, so there is no need to make bytes and encode them.
     */
    private static void base64Lines(ByteSink out, SplittableRandom r, long budget) {
        long end = out.length() + budget;
        while (true) {
            long remaining = end - out.length();
            int chars = (int) Math.min(76, ((remaining - 2) / 4) * 4);
            if (chars < 4) {
                break;
            }
            int at = out.reserve(chars + 2);
            byte[] buf = out.array();
            for (int written = 0; written < chars; ) {
                long bits = r.nextLong();
                for (int k = 0; k < 10 && written < chars; k++, written++) {
                    buf[at + written] = BASE64[(int) (bits >>> (6 * k)) & 63];
                }
            }
            buf[at + chars] = '\r';
            buf[at + chars + 1] = '\n';
        }
    }

    private static void longLines(ByteSink out, SplittableRandom r, long budget) {
        long start = out.length();
        out.ascii("Each following line is between 990 and 998 octets long.").crlf();
        int lines = (int) Math.max(2, budget / (MAX_LINE + 2));
        for (int i = 0; i < lines; i++) {
            int length = i == 0 ? MAX_LINE : 990 + r.nextInt(9);
            TextWriter.line(out, r, length, true, 0);
            out.crlf();
        }
        long rest = budget - (out.length() - start);
        if (rest > 3) {
            TextWriter.paragraphs(out, r, rest, 0);
        }
    }

    private static final String[] DOT_LINES = {".", "..", ".x", ". ", "...", "..leading two dots"};

    private static void dotLines(ByteSink out, SplittableRandom r, long budget) {
        long start = out.length();
        // The very first body octet is a dot: a server that only stuffs after a CRLF it has seen
        // in the body misses this one.
        out.ascii(".starts the body with a dot").crlf();
        TextWriter.paragraphs(out, r, 120, 0);
        for (String line : DOT_LINES) {
            out.ascii(line).crlf();
        }
        long rest = budget - (out.length() - start) - 3;
        if (rest > 3) {
            TextWriter.paragraphs(out, r, rest, 0);
        }
        // Ending with a lone "." line puts "..\r\n.\r\n" on the wire after stuffing.
        out.ascii(".").crlf();
    }

    private static void partHeader(ByteSink out, String boundary, String contentType, String encoding) {
        out.ascii("--").ascii(boundary).crlf()
                .ascii("Content-Type: ").ascii(contentType).crlf()
                .ascii("Content-Transfer-Encoding: ").ascii(encoding).crlf()
                .crlf();
    }

    private static void closeDelimiter(ByteSink out, String boundary) {
        out.ascii("--").ascii(boundary).ascii("--").crlf();
    }
}
