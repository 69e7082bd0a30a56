package io.maildrill.run.session;

import java.util.ArrayList;
import java.util.List;

/** Expands an IMAP uid-set ({@code 1:3,7}) as sent in VANISHED. */
final class UidSets {

    private UidSets() {
    }

    static List<Long> parse(String set) {
        List<Long> out = new ArrayList<>();
        for (String range : set.trim().split(",")) {
            int colon = range.indexOf(':');
            if (colon < 0) {
                out.add(Long.parseLong(range.trim()));
            } else {
                long a = Long.parseLong(range.substring(0, colon).trim());
                long b = Long.parseLong(range.substring(colon + 1).trim());
                for (long u = Math.min(a, b); u <= Math.max(a, b) && out.size() < 1_000_000; u++) {
                    out.add(u);
                }
            }
        }
        return out;
    }
}
