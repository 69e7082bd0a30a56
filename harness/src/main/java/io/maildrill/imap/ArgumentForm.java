package io.maildrill.imap;

import java.nio.charset.StandardCharsets;

/**
 * Chooses how a string argument goes on the wire: as an atom when every byte is an ATOM-CHAR, as a
 * quoted string when it is short 7-bit text without CR/LF, and as a literal otherwise (8-bit
 * bytes, CR, LF, NUL, or longer than {@link #MAX_QUOTED}).
 */
public enum ArgumentForm {
    ATOM, QUOTED, LITERAL;

    /** Longer strings go as literals: some servers limit quoted-string length. */
    public static final int MAX_QUOTED = 1024;

    public static ArgumentForm choose(byte[] value) {
        if (value.length == 0) {
            return QUOTED;
        }
        if (value.length > MAX_QUOTED) {
            return LITERAL;
        }
        boolean atom = true;
        for (byte b : value) {
            int c = b & 0xff;
            if (c < 0x20 || c > 0x7e) {
                return LITERAL;
            }
            atom &= isAtomChar(c);
        }
        // NIL as an atom would read as NIL, not as the string "NIL"
        if (atom && value.length == 3 && new String(value, StandardCharsets.US_ASCII).equalsIgnoreCase("NIL")) {
            return QUOTED;
        }
        return atom ? ATOM : QUOTED;
    }

    /** {@code "..."} with backslash and double quote escaped; the value must be 7-bit without CR/LF. */
    public static String quote(byte[] value) {
        StringBuilder sb = new StringBuilder(value.length + 2).append('"');
        for (byte b : value) {
            if (b == '"' || b == '\\') {
                sb.append('\\');
            }
            sb.append((char) (b & 0xff));
        }
        return sb.append('"').toString();
    }

    private static boolean isAtomChar(int c) {
        return c > 0x20 && c < 0x7f && c != '(' && c != ')' && c != '{' && c != '%' && c != '*' && c != '"'
                && c != '\\' && c != ']';
    }
}
