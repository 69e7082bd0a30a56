package io.maildrill.script.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one file so they can be reported together, sorted by position. */
final class Problems {
    private final String sourceName;
    private final List<ParseProblem> list = new ArrayList<>();

    Problems(String sourceName) {
        this.sourceName = sourceName;
    }

    void add(int line, int column, String message) {
        list.add(new ParseProblem(sourceName, line, column, message));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<ParseProblem> sorted() {
        return list.stream()
                .sorted(Comparator.comparingInt(ParseProblem::line).thenComparingInt(ParseProblem::column))
                .toList();
    }
}
