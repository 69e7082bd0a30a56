package io.maildrill.script.ast;

/** Anything that came from one line of a script; {@link #line()} is 1-based. */
public interface Located {
    int line();

    static int requireLine(int line) {
        if (line < 1) {
            throw new IllegalArgumentException("line: " + line + " (expected: >= 1)");
        }
        return line;
    }
}
