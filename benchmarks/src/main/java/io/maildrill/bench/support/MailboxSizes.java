package io.maildrill.bench.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses mailbox sizes as users write them: "1000", "10k", "100k", "1m". */
public final class MailboxSizes {

    private MailboxSizes() {
    }

    public static int parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "");
        int multiplier = 1;
        if (t.endsWith("k")) {
            multiplier = 1_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            multiplier = 1_000_000;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long value = Long.parseLong(t) * multiplier;
            if (value < 1 || value > 10_000_000) {
                throw new IllegalArgumentException("mailbox size: " + text + " (expected: 1..10m)");
            }
            return (int) value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mailbox size: " + text + " (expected: a number, optionally with k or m)");
        }
    }

    /** "10k,100k" to [10000, 100000]. */
    public static List<Integer> parseList(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                sizes.add(parse(part));
            }
        }
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("mailbox sizes: '" + text + "' (expected: e.g. 10k,100k)");
        }
        return sizes;
    }
}
