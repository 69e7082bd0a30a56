package io.maildrill.imap;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An IMAP string: quoted, literal ({@code {n}}) or literal8 ({@code ~{n}}).
 *
 * <p>A string is either <em>retained</em> (its bytes are kept) or <em>streamed</em>: literals
 * larger than the decoder's retention limit pass through without being kept, and only their
 * size and SHA-256 digest are recorded, so a multi-megabyte body can be verified without holding
 * it. {@link #bytes()} on a streamed string throws {@link IllegalStateException}.
 *
 * <p>Equality: two strings are equal when form, size and content digest are equal.
 */
public final class Str implements ImapValue {

    /** How the string was written on the wire. */
    public enum Form { QUOTED, LITERAL, LITERAL8 }

    private final Form form;
    private final long size;
    private final byte[] content;      // empty array and unused when not retained
    private final boolean retained;
    private volatile byte[] sha256;    // computed lazily for retained content, eagerly for streamed

    private Str(Form form, long size, byte[] content, boolean retained, byte[] sha256) {
        this.form = Objects.requireNonNull(form, "form");
        this.size = size;
        this.content = content;
        this.retained = retained;
        this.sha256 = sha256;
    }

    /** A retained string; {@code content} is owned by the new value (not copied). */
    public static Str retained(Form form, byte[] content) {
        return new Str(form, content.length, content, true, null);
    }

    /** A streamed string: only its size and digest are known. */
    public static Str streamed(Form form, long size, byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("sha256: " + sha256.length + " bytes (expected: 32)");
        }
        return new Str(form, size, new byte[0], false, sha256.clone());
    }

    /** A quoted string with the given text (UTF-8). */
    public static Str quoted(String text) {
        return retained(Form.QUOTED, text.getBytes(StandardCharsets.UTF_8));
    }

    public Form form() {
        return form;
    }

    /** Content length in octets (for quoted strings: after unescaping). */
    public long size() {
        return size;
    }

    /** Whether the content bytes were kept. */
    public boolean retained() {
        return retained;
    }

    /** A copy of the content. */
    public byte[] bytes() {
        requireRetained();
        return content.clone();
    }

    /**
     * The content decoded as UTF-8 when it is valid UTF-8, else as ISO-8859-1 (so every byte
     * survives as one char).
     */
    public String text() {
        requireRetained();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, StandardCharsets.ISO_8859_1);
        }
    }

    /** SHA-256 of the content (a copy). */
    public byte[] sha256() {
        byte[] digest = sha256;
        if (digest == null) {
            digest = newSha256().digest(content);
            sha256 = digest;
        }
        return digest.clone();
    }

    /** Lower-case hex of {@link #sha256()}. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256());
    }

    /** Whether the content equals {@code other} byte for byte (works for streamed strings via the digest). */
    public boolean contentEquals(byte[] other) {
        if (other.length != size) {
            return false;
        }
        return retained ? Arrays.equals(content, other) : MessageDigest.isEqual(sha256(), newSha256().digest(other));
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }

    private void requireRetained() {
        if (!retained) {
            throw new IllegalStateException("the " + size + "-octet " + form.name().toLowerCase()
                    + " was streamed (larger than the decoder's retention limit), only size() and sha256() are known");
        }
    }

    /** The same octets, whatever the form (quoted, literal) each was sent in. */
    public boolean sameContent(Str other) {
        if (size != other.size) {
            return false;
        }
        if (retained && other.retained) {
            return Arrays.equals(content, other.content);
        }
        return MessageDigest.isEqual(sha256(), other.sha256());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Str other && form == other.form && sameContent(other);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + form.hashCode();
    }

    @Override
    public String toString() {
        if (!retained) {
            return "{" + size + " octets streamed, sha256 " + sha256Hex() + "}";
        }
        if (form == Form.QUOTED) {
            return "\"" + text().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return "{" + size + "}" + (size <= 64 ? text() : text().substring(0, 64) + "...");
    }
}
