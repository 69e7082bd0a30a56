package io.maildrill.script.ast;

import java.util.List;
import java.util.Set;

/**
 * One element of the pattern language that matches a parsed response value (IMAP untagged data,
 * status text, POP3 words). Matching rules are in {@code docs/scripts.md}, section "Patterns".
 */
public sealed interface Pattern extends Located {

    /** An atom such as {@code EXISTS}, {@code \Seen} or {@code BODY[HEADER]}; compared ignoring ASCII case. */
    record Atom(int line, String text) implements Pattern {}

    /** A decimal number, compared by value. */
    record Number(int line, long value) implements Pattern {}

    /** {@code "text"}: a quoted string or literal with exactly these octets. */
    record Text(int line, ByteString value) implements Pattern {}

    /** {@code *}: any single value. */
    record AnyValue(int line) implements Pattern {}

    /** {@code ...}: zero or more remaining values of the enclosing list or line; only last. */
    record Rest(int line) implements Pattern {}

    /** {@code $name}: binds any single value at first match; later uses must equal it. */
    record Capture(int line, String name) implements Pattern {}

    /**
     * {@code $name~"regex"}: like {@code $name}, but only a value whose text fully matches the regex
     * (as {@code ~"regex"}) matches and is bound — e.g. the {@code <...>} timestamp among a greeting's words.
     */
    record CaptureMatching(int line, String name, Regex regex) implements Pattern {}

    /** {@code #3} / {@code #3.uid}: the current sequence number / UID of fixture message 3 in the session. */
    record MessageRef(int line, int fixtureIndex, RefKind kind) implements Pattern {}

    /** {@code ~"regex"}: any atom, number or string whose text fully matches the Java regex. */
    record Regex(int line, java.util.regex.Pattern regex) implements Pattern {
        @Override
        public boolean equals(Object o) {
            return o instanceof Regex r && r.line == line && r.regex.pattern().equals(regex.pattern());
        }

        @Override
        public int hashCode() {
            return regex.pattern().hashCode() * 31 + line;
        }
    }

    /** {@code ( ... )}: a parenthesised list, elements in order ({@code ...} last allows more). */
    record ListOf(int line, List<Pattern> elements) implements Pattern {
        public ListOf {
            elements = List.copyOf(elements);
        }
    }

    /** {@code [CODE args]}: a bracketed response code, elements in order. */
    record Code(int line, List<Pattern> elements) implements Pattern {
        public Code {
            elements = List.copyOf(elements);
        }
    }

    /**
     * A parenthesised list written right after {@code FLAGS} or {@code PERMANENTFLAGS}: compared as a
     * set ignoring case. {@code required} must all be present, {@code forbidden} ({@code -\Seen}) must be
     * absent; unless {@code open} ({@code ...} in the list) no other flag may be present, except
     * {@code \Recent} when the pattern does not mention it.
     */
    record FlagSet(int line, Set<String> required, Set<String> forbidden, boolean open) implements Pattern {
        public FlagSet {
            required = Set.copyOf(required);
            forbidden = Set.copyOf(forbidden);
        }
    }

    /**
     * A parenthesised list written right after {@code FETCH}: item name / value pairs found in any order;
     * items the pattern does not name are allowed. Names are upper-cased, single spaces.
     */
    record FetchItems(int line, List<FetchItem> items) implements Pattern {
        public FetchItems {
            items = List.copyOf(items);
        }
    }

    /** One {@code NAME value} pair of a {@link FetchItems} pattern. */
    record FetchItem(int line, String name, Pattern value) implements Located {}

    /** Whether a message reference names the sequence number or the UID. */
    enum RefKind { SEQUENCE, UID }
}
