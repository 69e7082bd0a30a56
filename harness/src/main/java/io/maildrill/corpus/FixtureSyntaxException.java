package io.maildrill.corpus;

/**
 * A fixture text could not be read. The message names the offending token, its column and what
 * was expected, e.g. {@code column 13: 'shapes=plain,dots': unknown shape 'dots' (expected one of: ...)}.
 */
public final class FixtureSyntaxException extends IllegalArgumentException {

    private final String token;
    private final int column;
    private final String expected;

    FixtureSyntaxException(String token, int column, String problem, String expected) {
        super("column " + column + ": '" + token + "': " + problem + " (expected: " + expected + ")");
        this.token = token;
        this.column = column;
        this.expected = expected;
    }

    /** The whitespace-separated token at fault (empty when something required is missing). */
    public String token() {
        return token;
    }

    /** 1-based column of the token in the fixture text (one past the end when something is missing). */
    public int column() {
        return column;
    }

    /** What would have been accepted there. */
    public String expected() {
        return expected;
    }
}
