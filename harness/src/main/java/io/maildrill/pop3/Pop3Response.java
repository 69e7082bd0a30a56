package io.maildrill.pop3;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A well-formed POP3 reply. Immutable.
 *
 * <ul>
 *   <li>{@link #raw()}: every octet of the reply exactly as received, status line included, and for
 *       a multi-line reply the dot-stuffed content and the terminating {@code ".\r\n"} line;</li>
 *   <li>{@link #content()}: for a multi-line reply, the content lines after the status line with
 *       the stuffed leading dots removed and line ends kept as received, without the terminator
 *       line; empty for single-line replies. Its length is what RFC 1939 sizes count.</li>
 * </ul>
 *
 * <p>Grammar (RFC 1939, RFC 2449 section 8, RFC 5034 section 4):
 * {@code status-line = ("+OK" / "-ERR") [SP ["[" resp-code "]" SP] text] CRLF},
 * {@code continuation = "+" [SP base64] CRLF}.
 */
public final class Pop3Response implements Pop3Reply {

    private final Pop3Status status;
    private final String firstLine;
    private final Optional<String> responseCode;
    private final String text;
    private final boolean multiLine;
    private final byte[] raw;
    private final byte[] contentArray;
    private final int contentOffset;
    private final int contentLength;
    private final Set<Pop3Deviation> deviations;

    /**
     * @param firstLine     the status line without its line end
     * @param responseCode  the RFC 2449 code between brackets, without them (e.g. {@code SYS/TEMP})
     * @param text          the text after the status word and response code
     * @param raw           all octets received for this reply (taken, not copied)
     * @param contentArray  array holding the un-stuffed content (may be {@code raw} itself)
     */
    Pop3Response(Pop3Status status, String firstLine, Optional<String> responseCode, String text,
                 boolean multiLine, byte[] raw, byte[] contentArray, int contentOffset, int contentLength,
                 Set<Pop3Deviation> deviations) {
        this.status = Objects.requireNonNull(status, "status");
        this.firstLine = Objects.requireNonNull(firstLine, "firstLine");
        this.responseCode = Objects.requireNonNull(responseCode, "responseCode");
        this.text = Objects.requireNonNull(text, "text");
        this.multiLine = multiLine;
        this.raw = Objects.requireNonNull(raw, "raw");
        this.contentArray = Objects.requireNonNull(contentArray, "contentArray");
        Objects.checkFromIndexSize(contentOffset, contentLength, contentArray.length);
        if (!multiLine && contentLength != 0) {
            throw new IllegalArgumentException("contentLength: " + contentLength + " (expected: 0 for a single-line reply)");
        }
        this.contentOffset = contentOffset;
        this.contentLength = contentLength;
        this.deviations = deviations.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(deviations));
    }

    /** A single-line reply built from its exact octets (for tests and scripted expectations). */
    public static Pop3Response singleLine(Pop3Status status, String firstLine, Optional<String> responseCode,
                                          String text, byte[] raw, Set<Pop3Deviation> deviations) {
        return new Pop3Response(status, firstLine, responseCode, text, false, raw.clone(), new byte[0], 0, 0, deviations);
    }

    public Pop3Status status() {
        return status;
    }

    @Override
    public boolean isOk() {
        return status == Pop3Status.OK;
    }

    public boolean isErr() {
        return status == Pop3Status.ERR;
    }

    public boolean isContinuation() {
        return status == Pop3Status.CONTINUATION;
    }

    /** The status line as received, without CRLF (decoded as UTF-8). */
    public String firstLine() {
        return firstLine;
    }

    /** RFC 2449 response code without brackets, e.g. {@code IN-USE}, {@code SYS/TEMP}, {@code AUTH}. */
    public Optional<String> responseCode() {
        return responseCode;
    }

    /** Text after the status word (and response code); for a continuation, the base64 challenge. */
    public String text() {
        return text;
    }

    public boolean isMultiLine() {
        return multiLine;
    }

    /** Every octet of the reply as received (a copy). */
    public byte[] raw() {
        return raw.clone();
    }

    public int rawLength() {
        return raw.length;
    }

    /** Read-only view of {@link #raw()} without copying. */
    public ByteBuffer rawBuffer() {
        return ByteBuffer.wrap(raw).asReadOnlyBuffer();
    }

    /** The un-stuffed content (a copy); empty for single-line replies. */
    public byte[] content() {
        return Arrays.copyOfRange(contentArray, contentOffset, contentOffset + contentLength);
    }

    /** Number of content octets: what a correct {@code LIST}/{@code STAT} size for a {@code RETR} reply is. */
    public int contentLength() {
        return contentLength;
    }

    /** Read-only view of {@link #content()} without copying (benchmarks use this). */
    public ByteBuffer contentBuffer() {
        return ByteBuffer.wrap(contentArray, contentOffset, contentLength).slice().asReadOnlyBuffer();
    }

    /** Content lines without their line ends (CRLF, or a bare LF), decoded as UTF-8. */
    public List<String> contentLines() {
        return contentLines(StandardCharsets.UTF_8);
    }

    public List<String> contentLines(Charset charset) {
        List<String> lines = new ArrayList<>();
        int end = contentOffset + contentLength;
        int start = contentOffset;
        for (int i = start; i < end; i++) {
            if (contentArray[i] == '\n') {
                int lineEnd = i > start && contentArray[i - 1] == '\r' ? i - 1 : i;
                lines.add(new String(contentArray, start, lineEnd - start, charset));
                start = i + 1;
            }
        }
        if (start < end) {
            // The terminator always follows a line end, so this only happens for hand-built values.
            lines.add(new String(contentArray, start, end - start, charset));
        }
        return lines;
    }

    /** Line-ending deviations seen in this reply (empty when it was clean). */
    public Set<Pop3Deviation> deviations() {
        return deviations;
    }

    @Override
    public String describe() {
        return multiLine ? firstLine + " (+" + contentLength + " content octets)" : firstLine;
    }

    @Override
    public boolean equals(Object o) {
        // Identity of a reply is its octets: the other fields are derived from them.
        return o instanceof Pop3Response r && multiLine == r.multiLine && Arrays.equals(raw, r.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "Pop3Response[" + describe() + (deviations.isEmpty() ? "" : ", deviations=" + deviations) + "]";
    }
}
