package io.maildrill.imap.codec;

import io.maildrill.imap.ImapValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reuses {@link ImapValue.Atom} instances for atoms that repeat in a response stream (FETCH,
 * UID, FLAGS, BODY[HEADER.FIELDS (FROM SUBJECT)], ...), so that decoding a million FETCH
 * responses does not create a million identical strings. Direct-mapped, last writer wins;
 * confined to one decoder (not thread-safe).
 */
final class AtomCache {

    private static final int SLOTS = 1024;
    private static final int MAX_CACHED_LENGTH = 64;

    private final byte[][] keys = new byte[SLOTS][];
    private final ImapValue.Atom[] atoms = new ImapValue.Atom[SLOTS];

    ImapValue.Atom get(byte[] buf, int from, int to) {
        int length = to - from;
        if (length > MAX_CACHED_LENGTH) {
            return new ImapValue.Atom(new String(buf, from, length, StandardCharsets.ISO_8859_1));
        }
        int hash = length;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + buf[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, buf, from, to)) {
            return atoms[slot];
        }
        ImapValue.Atom atom = new ImapValue.Atom(new String(buf, from, length, StandardCharsets.ISO_8859_1));
        keys[slot] = Arrays.copyOfRange(buf, from, to);
        atoms[slot] = atom;
        return atom;
    }
}
