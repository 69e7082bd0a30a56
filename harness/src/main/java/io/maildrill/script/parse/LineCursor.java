package io.maildrill.script.parse;

/**
 * A position inside one source line. {@code offset} is the column of {@code text.charAt(0)} minus one, so
 * errors quote real source columns even when parsing a slice of the line.
 */
final class LineCursor {
    private final String text;
    private final int offset;
    private int pos;

    LineCursor(String text, int offset) {
        this.text = text;
        this.offset = offset;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return text.charAt(pos);
    }

    boolean peekIs(char c) {
        return !atEnd() && text.charAt(pos) == c;
    }

    boolean lookingAt(String s) {
        return text.startsWith(s, pos);
    }

    char next() {
        return text.charAt(pos++);
    }

    void skip(int n) {
        pos += n;
    }

    void skipSpaces() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    /** 1-based source column of the current position. */
    int column() {
        return offset + pos + 1;
    }

    String rest() {
        return text.substring(Math.min(pos, text.length()));
    }

    /** Reads up to the next space or tab (or end). */
    String word() {
        int start = pos;
        while (!atEnd() && peek() != ' ' && peek() != '\t') {
            pos++;
        }
        return text.substring(start, pos);
    }

    SyntaxError error(String message) {
        return new SyntaxError(column(), message);
    }

    /** "found 'xyz'" or "found end of line", for messages that quote the input. */
    String found() {
        if (atEnd()) {
            return "found end of line";
        }
        String r = rest();
        return "found '" + (r.length() > 20 ? r.substring(0, 20) + "…" : r) + "'";
    }
}
