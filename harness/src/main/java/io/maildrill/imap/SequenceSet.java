package io.maildrill.imap;

import java.util.ArrayList;
import java.util.List;

/**
 * An IMAP sequence-set or uid-set of numbers ({@code 1:3,7}, RFC 3501 §9), as a server sends it in
 * VANISHED or COPYUID and a script in STORE: membership without expanding ranges, and a bounded
 * expansion. Anything else (letters, {@code *}, empty parts) is an {@link IllegalArgumentException}
 * naming the text, since it usually comes from the server.
 */
public final class SequenceSet {

    /** Most numbers {@link #expand} lists: a 1:4294967295 from a hostile server must not take the heap. */
    public static final int MAX_EXPANDED = 1_000_000;

    private SequenceSet() {
    }

    /** Whether {@code n} is in the set. */
    public static boolean contains(String set, long n) {
        for (long[] range : ranges(set)) {
            if (n >= range[0] && n <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /** The numbers of the set in the order written, at most {@link #MAX_EXPANDED}. */
    public static List<Long> expand(String set) {
        List<Long> out = new ArrayList<>();
        for (long[] range : ranges(set)) {
            for (long u = range[0]; u <= range[1] && out.size() < MAX_EXPANDED; u++) {
                out.add(u);
            }
        }
        return out;
    }

    private static List<long[]> ranges(String set) {
        List<long[]> out = new ArrayList<>();
        for (String part : set.trim().split(",", -1)) {
            int colon = part.indexOf(':');
            long a = number(colon < 0 ? part : part.substring(0, colon), set);
            long b = colon < 0 ? a : number(part.substring(colon + 1), set);
            out.add(new long[] {Math.min(a, b), Math.max(a, b)});
        }
        return out;
    }

    private static long number(String text, String set) {
        String digits = text.trim();
        if (!digits.matches("\\d{1,10}")) {
            throw new IllegalArgumentException("not a sequence set of numbers: \"" + set + "\"");
        }
        return Long.parseLong(digits);
    }

    /** Distinct ascending numbers as a sequence set, runs as ranges: {@code 1:3,7,9:10} (empty for none). */
    public static String format(java.util.SortedSet<Long> numbers) {
        StringBuilder out = new StringBuilder();
        long start = -1;
        long previous = -1;
        for (long n : numbers) {
            if (start >= 0 && n == previous + 1) {
                previous = n;
                continue;
            }
            appendRange(out, start, previous);
            start = n;
            previous = n;
        }
        appendRange(out, start, previous);
        return out.toString();
    }

    private static void appendRange(StringBuilder out, long start, long end) {
        if (start < 0) {
            return;
        }
        if (out.length() > 0) {
            out.append(',');
        }
        out.append(start);
        if (start != end) {
            out.append(':').append(end);
        }
    }
}
