package io.maildrill.script.parse;

/** Raised inside one line's parse; the statement parser turns it into a {@link ParseProblem}. */
final class SyntaxError extends RuntimeException {
    private final int column;

    SyntaxError(int column, String message) {
        super(message, null, false, false);
        this.column = column;
    }

    /** 1-based column in the source line. */
    int column() {
        return column;
    }
}
