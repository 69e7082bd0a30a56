package io.maildrill.report.model;

import io.maildrill.report.SampleRuns;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSummaryTest {

    private final RunResult run = SampleRuns.all();

    @Test
    void countsPerOutcomePromiseProtocolAndCatalogId() {
        RunSummary summary = run.summary();

        assertThat(summary.total().total()).isEqualTo(8);
        assertThat(summary.total().count(Outcome.FAILED)).isEqualTo(2);
        assertThat(summary.byPromise().keySet()).containsExactly("deletion", "locking", "synchronisation",
                "headers-only fetch", "errors", "cross-protocol");
        assertThat(summary.byProtocol().get(Protocol.POP3).total()).as("cross-protocol script counts under both").isEqualTo(4);
        assertThat(summary.byProtocol().get(Protocol.IMAP).total()).isEqualTo(5);
        assertThat(summary.byCatalogId().keySet()).containsExactly("I5", "I60", "I61", "I104", "I105", "I120",
                "P14", "P25", "P26", "P29", "P31");
        CatalogCoverage p29 = summary.byCatalogId().get("P29");
        assertThat(p29.scripts()).extracting(CatalogCoverage.ScriptOutcome::scriptId)
                .containsExactly("pop3/deletion/dele-marks-only.script", "cross/pop3-dele-visible-in-imap.script");
        assertThat(p29.passed()).isEqualTo(1);
        assertThat(p29.failed()).isEqualTo(1);
        assertThat(summary.byCatalogId().get("P14").failed()).as("expected failure still misses the requirement").isEqualTo(1);
        assertThat(summary.byCatalogId().get("I120").judged()).isFalse();
    }

    @Test
    void onlyFailedAndErrorAreNewFailures() {
        assertThat(run.summary().hasNewFailures()).isTrue();
        List<ScriptResult> tolerated = run.scripts().stream().filter(s -> !s.outcome().isNewFailure()).toList();
        assertThat(RunSummary.of(tolerated).hasNewFailures()).isFalse();
        assertThat(tolerated).extracting(ScriptResult::outcome).contains(Outcome.EXPECTED_FAILURE, Outcome.SKIPPED, Outcome.FIXED);
    }

    @Test
    void passRateExcludesSkipsAndCountsExpectedFailuresAsNotPassed() {
        assertThat(run.summary().total().passRate().getAsDouble()).isEqualTo(3.0 / 7);
        assertThat(OutcomeCounts.of(List.of(Outcome.SKIPPED)).passRate()).isEmpty();
    }

    @Test
    void scriptResultRejectsInconsistentOutcomes() {
        assertThatThrownBy(() -> script(Outcome.SKIPPED, Optional.empty()))
                .hasMessage("outcome SKIPPED needs a reason (a/b.script)");
        assertThatThrownBy(() -> script(Outcome.EXPECTED_FAILURE, Optional.of(" ")))
                .hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> script(Outcome.FAILED, Optional.empty())).hasMessageContaining("needs a failure");
        assertThat(script(Outcome.ERROR, Optional.of("timeout")).outcome()).isEqualTo(Outcome.ERROR);
        assertThat(script(Outcome.PASSED, Optional.empty()).group()).isEqualTo("a");
    }

    @Test
    void modelRejectsNullsCredentialsAndBadNumbers() {
        assertThatThrownBy(() -> new TargetDescription("x", List.of("imap://alice:secret@127.0.0.1:143")))
                .hasMessageNotContaining("secret").hasMessageContaining("user information");
        assertThatThrownBy(() -> new StepResult(0, "A", "NOOP", StepOutcome.PASSED, Duration.ZERO, ""))
                .hasMessage("line: 0 (expected: >= 1)");
        assertThatThrownBy(() -> new Failure("a.script", 1, "A", "", "x", null, List.of(), List.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("actual");
        assertThatThrownBy(() -> new RunResult("r", "v", run.finishedAt(), run.startedAt(), run.target(), List.of(), run.environment()))
                .hasMessageContaining("finishedAt");
        assertThat(new RunResult("r", "v", run.startedAt(), run.finishedAt(), run.target(), List.of(), EnvironmentInfo.current())
                .environment().hostCores()).isPositive();
    }

    @Test
    void collectionsAreCopiedAndUnmodifiable() {
        var ids = new java.util.ArrayList<>(List.of("P1"));
        ScriptResult s = new ScriptResult("a.script", "t", ids, Level.MUST, List.of(Protocol.POP3), "errors", Outcome.PASSED,
                Optional.empty(), Duration.ZERO, List.of(), Optional.empty(), Map.of("A", List.of("C: NOOP")));
        ids.add("P2");
        assertThat(s.catalogIds()).containsExactly("P1");
        assertThatThrownBy(() -> s.transcripts().get("A").add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static ScriptResult script(Outcome outcome, Optional<String> reason) {
        return new ScriptResult("a/b.script", "title", List.of("P1"), Level.MUST, List.of(Protocol.POP3), "errors", outcome,
                reason, Duration.ofMillis(1), List.of(), Optional.empty(), Map.of());
    }
}
