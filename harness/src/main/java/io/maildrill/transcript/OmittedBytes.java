package io.maildrill.transcript;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The part of a long run of traffic a transcript does not keep: how many octets, their SHA-256,
 * and the last {@code tailSize} of them, so that a report still shows how the run ended. Memory
 * is the tail buffer, whatever the run's length.
 */
final class OmittedBytes {

    private final byte[] tail;
    private final MessageDigest digest;
    private long count;
    private int tailStart;
    private int tailLength;

    OmittedBytes(int tailSize) {
        this.tail = new byte[tailSize];
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    void add(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
        count += length;
        if (length >= tail.length) {
            System.arraycopy(bytes, offset + length - tail.length, tail, 0, tail.length);
            tailStart = 0;
            tailLength = tail.length;
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            int at = (tailStart + tailLength) % tail.length;
            tail[at] = bytes[i];
            if (tailLength < tail.length) {
                tailLength++;
            } else {
                tailStart = (tailStart + 1) % tail.length;
            }
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The last octets received, in order. */
    byte[] tail() {
        byte[] out = new byte[tailLength];
        for (int i = 0; i < tailLength; i++) {
            out[i] = tail[(tailStart + i) % tail.length];
        }
        return out;
    }

    /** "268,435,456 more octets not kept (SHA-256 ab12…); the last 16,384 of them follow" (the last part with the tail). */
    String describe(boolean withTail) {
        String sha = HexFormat.of().formatHex(cloneDigest().digest());
        return String.format(Locale.ROOT, "%,d more octets not kept (SHA-256 %s)", count, sha)
                + (withTail ? String.format(Locale.ROOT, "; the last %,d of them follow", tailLength) : "");
    }

    private MessageDigest cloneDigest() {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable in the JDK", e);
        }
    }
}
