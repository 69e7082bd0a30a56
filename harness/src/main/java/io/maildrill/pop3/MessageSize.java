package io.maildrill.pop3;

/** One scan listing: message number and size in octets, as the server reported them ({@code LIST}). */
public record MessageSize(int number, long octets) {
    public MessageSize {
        if (number < 1 || octets < 0) {
            throw new IllegalArgumentException("number: " + number + ", octets: " + octets
                    + " (expected: number >= 1, octets >= 0)");
        }
    }
}
