package io.maildrill.net;

import java.nio.charset.StandardCharsets;

/**
 * A server reply that does not parse: what was wrong, where, and the offending bytes. Decoders
 * produce this as a value instead of throwing, so a bad reply becomes a finding that a check
 * reports, while the connection stays usable wherever the protocol allows resynchronising.
 *
 * @param problem  what is wrong, e.g. "status word"
 * @param offset   0-based offset into {@code bytes} where the problem starts
 * @param expected what the grammar allowed there, e.g. "+OK or -ERR"
 * @param bytes    the offending line or response, as received (possibly shortened)
 */
public record MalformedReply(String problem, int offset, String expected, byte[] bytes) {

    /** At most this many bytes of the offending input are kept and quoted. */
    public static final int MAX_QUOTED = 512;

    public MalformedReply {
        bytes = bytes.length > MAX_QUOTED ? java.util.Arrays.copyOf(bytes, MAX_QUOTED) : bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Human-readable description quoting the bytes with control characters escaped. */
    public String describe() {
        return problem + " at offset " + offset + " (expected: " + expected + "): \"" + quote(bytes) + "\"";
    }

    /** Escapes CR, LF, tabs and non-printable bytes so the quote fits on one line. */
    public static String quote(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        sb.append(String.format("\\x%02x", c));
                    } else {
                        sb.append((char) c);
                    }
                }
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    public static MalformedReply of(String problem, int offset, String expected, String line) {
        return new MalformedReply(problem, offset, expected, line.getBytes(StandardCharsets.ISO_8859_1));
    }
}
