package io.maildrill.report.html;

import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.StepOutcome;

import java.util.List;

/** Outcome badges and the display order of outcomes (most urgent first); the load report uses the badges too. */
public final class Badges {

    /** Order in which outcomes are listed and scripts sorted: what needs attention comes first. */
    static final List<Outcome> ORDER = List.of(Outcome.FAILED, Outcome.ERROR, Outcome.FIXED,
            Outcome.EXPECTED_FAILURE, Outcome.SKIPPED, Outcome.PASSED);

    private Badges() {
    }

    static String label(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "Passed";
            case FAILED -> "Failed";
            case ERROR -> "Error";
            case SKIPPED -> "Skipped";
            case EXPECTED_FAILURE -> "Expected failure";
            case FIXED -> "Fixed";
        };
    }

    public static String badge(Outcome outcome) {
        return "<span class=\"badge " + outcome.label() + "\">" + label(outcome) + "</span>";
    }

    static String badge(StepOutcome outcome) {
        return "<span class=\"badge small " + outcome.label() + "\">" + outcome.label() + "</span>";
    }
}
