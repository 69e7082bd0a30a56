package io.maildrill.script.parse;

/**
 * One thing wrong with a script: where (1-based line and column; column 0 when the whole line is meant)
 * and what was expected there.
 */
public record ParseProblem(String sourceName, int line, int column, String message) {

    /** {@code file:line:column: message} (column left out when 0), the form IDEs and compilers use. */
    public String describe() {
        return sourceName + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
    }

    @Override
    public String toString() {
        return describe();
    }
}
