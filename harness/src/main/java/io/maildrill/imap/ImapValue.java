package io.maildrill.imap;

import java.util.List;
import java.util.Objects;

/**
 * One value of the IMAP response grammar: an atom (including flags such as {@code \Seen} and
 * fetch-item keys such as {@code BODY[HEADER.FIELDS (FROM)]<0>}), a number, {@code NIL}, a
 * parenthesised list, or a string (quoted, literal or literal8; see {@link Str}).
 *
 * <p>Values are immutable. Scripts and checks match against this shape, so it stays small.
 */
public sealed interface ImapValue permits ImapValue.Atom, ImapValue.Num, ImapValue.Nil, ImapValue.ListValue, Str {

    /** The one {@code NIL}. */
    Nil NIL = new Nil();

    /** An atom as it appeared on the wire (case preserved). */
    record Atom(String text) implements ImapValue {
        public Atom {
            Objects.requireNonNull(text, "text");
        }

        /** Case-insensitive comparison, as IMAP keywords and flags compare. */
        public boolean is(String other) {
            return text.equalsIgnoreCase(other);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A number ({@code number} or {@code number64}). */
    record Num(long value) implements ImapValue {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** {@code NIL}; use {@link ImapValue#NIL}. */
    record Nil() implements ImapValue {
        @Override
        public String toString() {
            return "NIL";
        }
    }

    /** A parenthesised list. */
    record ListValue(List<ImapValue> items) implements ImapValue {
        public ListValue {
            items = List.copyOf(items);
        }

        public int size() {
            return items.size();
        }

        public ImapValue get(int index) {
            return items.get(index);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(items.get(i));
            }
            return sb.append(')').toString();
        }
    }

    /**
     * Whether two values say the same thing, whatever the form the server chose for each string
     * (quoted or literal: RFC 3501 §4.3 makes them the same string): lists item by item, strings by
     * their octets (or, streamed, their SHA-256), atoms by their text, numbers by value.
     */
    static boolean sameValue(ImapValue a, ImapValue b) {
        if (a instanceof ListValue x && b instanceof ListValue y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameValue(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Str x && b instanceof Str y) {
            return x.sameContent(y);
        }
        return a.equals(b);
    }

    /** True for {@code NIL}. */
    default boolean isNil() {
        return this instanceof Nil;
    }

    /**
     * The value as text: atom text, number digits, string content; {@code NIL} and lists have no
     * text form and throw.
     */
    default String asText() {
        if (this instanceof Atom a) {
            return a.text();
        }
        if (this instanceof Num n) {
            return Long.toString(n.value());
        }
        if (this instanceof Str s) {
            return s.text();
        }
        throw new IllegalStateException("not a text value: " + this);
    }
}
