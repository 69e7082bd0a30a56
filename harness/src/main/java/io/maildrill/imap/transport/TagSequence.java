package io.maildrill.imap.transport;

import java.util.function.Predicate;

/**
 * Command tags: a prefix and a counter ({@code A0001}, {@code A0002}, ... or {@code a1}, {@code a2},
 * ...), skipping any tag still in use by a command in progress.
 */
public final class TagSequence {

    private final String prefix;
    private final int digits;
    private long next = 1;

    /** {@code digits} is the least number of digits, zero-padded ({@code 0}: no padding). */
    public TagSequence(String prefix, int digits) {
        this.prefix = prefix;
        this.digits = digits;
    }

    public String next(Predicate<String> inUse) {
        String tag;
        do {
            String number = Long.toString(next++);
            tag = prefix + "0".repeat(Math.max(0, digits - number.length())) + number;
        } while (inUse.test(tag));
        return tag;
    }
}
