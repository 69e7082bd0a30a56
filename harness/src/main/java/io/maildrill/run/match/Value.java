package io.maildrill.run.match;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * The value of a script variable or check operand: a number or octets. Equality follows
 * docs/scripts.md: numbers by value when both sides are numbers (or decimal text), else octets.
 */
public sealed interface Value {

    /** A number (IMAP number, POP3 decimal word, {@code set $x = 42}, sizes, counts). */
    record Num(long value) implements Value {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** Octets (strings, literals, atoms, list wire text, POP3 content). */
    record Bytes(byte[] octets) implements Value {
        public Bytes {
            octets = octets.clone();
        }

        @Override
        public byte[] octets() {
            return octets.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(octets, b.octets);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(octets);
        }

        @Override
        public String toString() {
            return describe(this);
        }
    }

    static Value text(String text) {
        return new Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The octets of this value (a number as its decimal text). */
    default byte[] bytes() {
        return this instanceof Num n
                ? Long.toString(n.value()).getBytes(StandardCharsets.US_ASCII)
                : ((Bytes) this).octets();
    }

    /** The numeric value, if this is a number or decimal text. */
    default OptionalLong asNumber() {
        if (this instanceof Num n) {
            return OptionalLong.of(n.value());
        }
        String s = new String(((Bytes) this).octets, StandardCharsets.ISO_8859_1);
        if (!s.isEmpty() && s.length() <= 18 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.of(Long.parseLong(s));
        }
        return OptionalLong.empty();
    }

    /** The script's equality: numbers by value when both are numeric, else the octets exactly. */
    default boolean sameAs(Value other) {
        OptionalLong a = asNumber();
        OptionalLong b = other.asNumber();
        if (a.isPresent() && b.isPresent()) {
            return a.getAsLong() == b.getAsLong();
        }
        return Arrays.equals(bytes(), other.bytes());
    }

    /** Text for messages: short values escaped, long ones shortened with their length and hash. */
    static String describe(Value value) {
        if (value instanceof Num n) {
            return Long.toString(n.value());
        }
        byte[] b = value.bytes();
        int shown = Math.min(b.length, 120);
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < shown; i++) {
            int c = b[i] & 0xff;
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append((char) c);
                    } else {
                        out.append("\\x").append(HexFormat.of().toHexDigits((byte) c));
                    }
                }
            }
        }
        out.append('"');
        if (b.length > shown) {
            out.append("... (").append(b.length).append(" octets, sha256 ").append(sha256Hex(b), 0, 16).append("...)");
        }
        return out.toString();
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
