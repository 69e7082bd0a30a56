package io.maildrill.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One generated message: its exact octets (CRLF line ends, valid RFC 5322) and the facts a
 * check needs without parsing them (Message-ID, decoded Subject, From, To, Date, body hash).
 *
 * <p>The header block, including the blank separator line, is the first {@code headerLength}
 * octets: exactly what IMAP {@code BODY[HEADER]} and POP3 {@code TOP n 0} must return. The body
 * is everything after it. Every message carries {@code X-Maildrill-Seed}, {@code X-Maildrill-Index}
 * and {@code X-Maildrill-Body-SHA256} so any fetched copy can be checked with {@link #verify(byte[])}.
 *
 * <p>The record's {@code bytes()} accessor returns a copy; use {@link #buffer()} or
 * {@link #writeTo(OutputStream)} to avoid copying multi-megabyte messages.
 *
 * @param seed         corpus seed
 * @param index        0-based position in the corpus
 * @param shape        structural kind
 * @param bytes        the whole message
 * @param headerLength octets of the header block including the CRLF that ends it
 * @param messageId    the Message-ID header value, angle brackets included
 * @param subject      the decoded, unfolded Subject text
 * @param from         the sender
 * @param to           the recipients, in header order
 * @param date         the Date header value
 * @param bodySha256   lower-case hex SHA-256 of the body octets
 */
public record CorpusMessage(long seed, int index, MessageShape shape, byte[] bytes, int headerLength,
                            String messageId, String subject, Address from, List<Address> to,
                            OffsetDateTime date, String bodySha256) {

    static final String SEED_HEADER = "X-Maildrill-Seed";
    static final String INDEX_HEADER = "X-Maildrill-Index";
    static final String HASH_HEADER = "X-Maildrill-Body-SHA256";

    public CorpusMessage {
        Objects.requireNonNull(bytes, "bytes");
        if (headerLength < 2 || headerLength > bytes.length) {
            throw new IllegalArgumentException("header length: " + headerLength
                    + " (expected: 2.." + bytes.length + ")");
        }
        to = List.copyOf(to);
    }

    /** A copy of the whole message. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** A read-only view of the whole message, without copying. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** Writes the whole message to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    /** Size in octets (what POP3 LIST and IMAP RFC822.SIZE must report). */
    public int size() {
        return bytes.length;
    }

    /** The header block including the blank separator line. */
    public byte[] headerBytes() {
        return Arrays.copyOfRange(bytes, 0, headerLength);
    }

    /** The body: every octet after the blank separator line (may be empty). */
    public byte[] bodyBytes() {
        return Arrays.copyOfRange(bytes, headerLength, bytes.length);
    }

    /** Octets of the body. */
    public int bodyLength() {
        return bytes.length - headerLength;
    }

    /** The whole message as a string (UTF-8; 8-bit bodies are UTF-8, attachments are base64). */
    public String asString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Checks a fetched copy of a corpus message: finds the header block (up to the first
     * CRLF CRLF), reads the seed, index and body-hash headers (names case-insensitive, in any
     * position, so headers a server prepends do not matter) and hashes the body.
     */
    public static IntegrityCheck verify(byte[] fetchedMessage) {
        return IntegrityVerifier.verify(fetchedMessage);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorpusMessage m && seed == m.seed && index == m.index && shape == m.shape
                && headerLength == m.headerLength && Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, index, shape, bodySha256);
    }

    @Override
    public String toString() {
        return "CorpusMessage[seed=" + seed + ", index=" + index + ", shape=" + shape + ", size=" + bytes.length
                + ", messageId=" + messageId + ", subject=" + subject + "]";
    }
}
