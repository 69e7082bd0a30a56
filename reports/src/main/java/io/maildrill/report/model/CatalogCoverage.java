package io.maildrill.report.model;

import java.util.List;

/**
 * Which scripts cover one catalog requirement in a run, and how they ended.
 *
 * @param catalogId the catalog ID ({@code P25})
 * @param scripts   covering scripts in run order
 */
public record CatalogCoverage(String catalogId, List<ScriptOutcome> scripts) {

    /** One covering script and its outcome. */
    public record ScriptOutcome(String scriptId, Outcome outcome) {
        public ScriptOutcome {
            Checks.nonBlank(scriptId, "scriptId");
            java.util.Objects.requireNonNull(outcome, "outcome");
        }
    }

    public CatalogCoverage {
        Checks.nonBlank(catalogId, "catalogId");
        scripts = Checks.list(scripts, "scripts");
    }

    public OutcomeCounts counts() {
        return OutcomeCounts.of(scripts.stream().map(ScriptOutcome::outcome).toList());
    }

    /** Covering scripts that passed ({@code PASSED} or {@code FIXED}). */
    public int passed() {
        return counts().passes();
    }

    /** Covering scripts showing the server misses the requirement: {@code FAILED}, {@code ERROR} or {@code EXPECTED_FAILURE}. */
    public int failed() {
        OutcomeCounts counts = counts();
        return counts.newFailures() + counts.count(Outcome.EXPECTED_FAILURE);
    }

    /** True when at least one covering script was judged (not every one skipped). */
    public boolean judged() {
        return scripts.stream().anyMatch(s -> s.outcome() != Outcome.SKIPPED);
    }
}
