package io.maildrill.script.parse;

import io.maildrill.script.ast.Expectation;
import java.time.Duration;

/** What one {@code A< ...} line is: a group modifier or an expectation. */
sealed interface ExpectationLine {
    record Ordered() implements ExpectationLine {}

    record Strict() implements ExpectationLine {}

    record Within(Duration bound) implements ExpectationLine {}

    record Of(Expectation expectation) implements ExpectationLine {}
}
