package io.maildrill.pop3;

/** The {@code STAT} drop listing: number of messages and their total size in octets (RFC 1939 section 5). */
public record StatResult(int count, long octets) {
    public StatResult {
        if (count < 0 || octets < 0) {
            throw new IllegalArgumentException("count: " + count + ", octets: " + octets + " (expected: >= 0)");
        }
    }
}
