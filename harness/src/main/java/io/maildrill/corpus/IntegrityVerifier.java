package io.maildrill.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Implements {@link CorpusMessage#verify(byte[])}: header lookup without regexes, then SHA-256. */
final class IntegrityVerifier {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    });

    static MessageDigest sha256() {
        MessageDigest md = SHA256.get();
        md.reset();
        return md;
    }

    /** Index of the first CRLF CRLF, or -1. */
    static int headerEnd(byte[] m) {
        for (int i = 0; i + 3 < m.length; i++) {
            if (m[i] == '\r' && m[i + 1] == '\n' && m[i + 2] == '\r' && m[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    static IntegrityCheck verify(byte[] m) {
        int end = headerEnd(m);
        if (end < 0) {
            return new IntegrityCheck.Missing("blank line (CRLF CRLF) ending the header block");
        }
        String seedText = headerValue(m, end, CorpusMessage.SEED_HEADER);
        String indexText = headerValue(m, end, CorpusMessage.INDEX_HEADER);
        String expected = headerValue(m, end, CorpusMessage.HASH_HEADER);
        if (seedText == null || indexText == null || expected == null) {
            String absent = seedText == null ? CorpusMessage.SEED_HEADER
                    : indexText == null ? CorpusMessage.INDEX_HEADER : CorpusMessage.HASH_HEADER;
            return new IntegrityCheck.Missing(absent + " header");
        }
        long seed;
        int index;
        try {
            seed = Long.parseLong(seedText);
            index = Integer.parseInt(indexText);
        } catch (NumberFormatException e) {
            return new IntegrityCheck.Missing("numeric " + CorpusMessage.SEED_HEADER + "/" + CorpusMessage.INDEX_HEADER
                    + " (found: '" + seedText + "', '" + indexText + "')");
        }
        int bodyStart = end + 4;
        MessageDigest md = sha256();
        md.update(m, bodyStart, m.length - bodyStart);
        String actual = hex(md.digest());
        if (actual.equalsIgnoreCase(expected)) {
            return new IntegrityCheck.Ok(seed, index, actual);
        }
        return new IntegrityCheck.Mismatch(seed, index, expected, actual, m.length - bodyStart);
    }

    /** The trimmed value of the first header named {@code name} in {@code m[0, end)}, or null if absent. */
    private static String headerValue(byte[] m, int end, String name) {
        int n = name.length();
        int line = 0;
        while (line < end) {
            int eol = line;
            while (eol < end && m[eol] != '\r') {
                eol++;
            }
            if (eol - line > n && m[line + n] == ':' && nameMatches(m, line, name)) {
                return new String(m, line + n + 1, eol - line - n - 1, StandardCharsets.US_ASCII).trim();
            }
            line = eol + 2;
        }
        return null;
    }

    private static boolean nameMatches(byte[] m, int at, String name) {
        for (int i = 0; i < name.length(); i++) {
            int a = m[at + i];
            int b = name.charAt(i);
            if (a != b && Character.toLowerCase(a) != Character.toLowerCase(b)) {
                return false;
            }
        }
        return true;
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = Character.forDigit((bytes[i] >> 4) & 0xF, 16);
            out[2 * i + 1] = Character.forDigit(bytes[i] & 0xF, 16);
        }
        return new String(out);
    }

    private IntegrityVerifier() {
    }
}
