package io.maildrill.report.model;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One executed script line.
 *
 * @param line     1-based line number in the script file
 * @param session  session name as written in the script ("A", "B", ...)
 * @param command  the command as sent (credentials already redacted); empty for pure expectation steps
 * @param outcome  how the step ended
 * @param duration wall time of the step
 * @param message  short explanation (empty when passed)
 */
public record StepResult(int line, String session, String command, StepOutcome outcome, Duration duration,
                         String message) {

    public StepResult {
        Checks.positive(line, "line");
        Checks.nonBlank(session, "session");
        Checks.text(command, "command");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration: " + duration + " (expected: >= 0)");
        }
        Checks.text(message, "message");
    }

    /** This step with {@code mask} applied to the command and the message. */
    public StepResult redacted(UnaryOperator<String> mask) {
        return new StepResult(line, session, mask.apply(command), outcome, duration, mask.apply(message));
    }
}
