package io.maildrill.corpus;

import java.util.Arrays;

/**
 * A growable byte buffer for building one message. Plain array writes instead of streams or
 * String concatenation keep generation well ahead of any server being provisioned.
 */
final class ByteSink {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buf;
    private int len;

    ByteSink(int initialCapacity) {
        buf = new byte[Math.max(64, initialCapacity)];
    }

    int length() {
        return len;
    }

    byte[] array() {
        return buf;
    }

    private void ensure(int extra) {
        int need = len + extra;
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
        }
    }

    /**
     * Makes room for {@code n} octets, counts them as written and returns the offset at which
     * the caller must fill them in {@link #array()} (valid until the next write).
     */
    int reserve(int n) {
        ensure(n);
        int at = len;
        len += n;
        return at;
    }

    ByteSink put(int b) {
        ensure(1);
        buf[len++] = (byte) b;
        return this;
    }

    ByteSink put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
        return this;
    }

    ByteSink put(byte[] bytes, int from, int count) {
        ensure(count);
        System.arraycopy(bytes, from, buf, len, count);
        len += count;
        return this;
    }

    /** Appends {@code s}, which must be US-ASCII (callers only pass literals and ASCII words). */
    ByteSink ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    ByteSink crlf() {
        ensure(2);
        buf[len++] = '\r';
        buf[len++] = '\n';
        return this;
    }

    ByteSink decimal(long value) {
        return ascii(Long.toString(value));
    }

    ByteSink twoDigits(int value) {
        ensure(2);
        buf[len++] = (byte) ('0' + value / 10);
        buf[len++] = (byte) ('0' + value % 10);
        return this;
    }

    ByteSink hex(long value, int digits) {
        ensure(digits);
        for (int i = digits - 1; i >= 0; i--) {
            buf[len++] = HEX[(int) (value >>> (i * 4)) & 0xF];
        }
        return this;
    }

    /** Overwrites {@code bytes.length * 2} octets at {@code offset} with lower-case hex. */
    void hexAt(int offset, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            buf[offset + 2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            buf[offset + 2 * i + 1] = HEX[bytes[i] & 0xF];
        }
    }

    /** The written bytes, copied only when the array is not already exactly full. */
    byte[] toByteArray() {
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }
}
