package io.maildrill.report.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a load run passed, and why in words: it fails on any oracle violation and on more errors than the run
 * allows ({@code --max-errors}), the rule {@code maildrill load}'s exit code follows.
 *
 * @param passed  no violation and errors within the budget
 * @param reasons one sentence per cause of failure, or one saying why it passed
 */
public record LoadVerdict(boolean passed, List<String> reasons) {

    public LoadVerdict {
        reasons = List.copyOf(reasons);
    }

    /** @param maxErrors the errors the run allows before it fails */
    public static LoadVerdict of(LoadReport report, long maxErrors) {
        LoadReport.Totals totals = report.totals();
        List<String> reasons = new ArrayList<>();
        if (totals.violations() > 0) {
            long rules = report.rules().stream().filter(r -> r.violations() > 0).count();
            reasons.add(plural(totals.violations(), "violation") + " of " + plural(rules, "oracle rule"));
        }
        if (errorsOverBudget(report, maxErrors)) {
            reasons.add(plural(totals.errors(), "error") + ", more than --max-errors " + maxErrors);
        }
        if (reasons.isEmpty()) {
            return new LoadVerdict(true, List.of("no violations; " + plural(totals.errors(), "error")
                    + " within --max-errors " + maxErrors));
        }
        return new LoadVerdict(false, reasons);
    }

    /** More errors than the run allows: one of the two causes of failure. */
    public static boolean errorsOverBudget(LoadReport report, long maxErrors) {
        return report.totals().errors() > maxErrors;
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
