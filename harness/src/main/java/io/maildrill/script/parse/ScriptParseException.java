package io.maildrill.script.parse;

import java.util.List;
import java.util.stream.Collectors;

/** A script could not be parsed; {@link #problems()} lists every problem found, in line order. */
public final class ScriptParseException extends Exception {
    private final List<ParseProblem> problems;

    public ScriptParseException(List<ParseProblem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in script:\n"
                + problems.stream().map(ParseProblem::describe).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems: [] (expected: at least one)");
        }
        this.problems = List.copyOf(problems);
    }

    public List<ParseProblem> problems() {
        return problems;
    }

    /** What stops a run over these scripts before anything connects: every problem on a line of its own. */
    public String refusal() {
        return problems.size() + " problem(s) in the scripts, nothing was run:\n  "
                + problems.stream().map(ParseProblem::describe).collect(Collectors.joining("\n  "));
    }
}
