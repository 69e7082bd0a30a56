package io.maildrill.report.model;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One conformance run: which tool, when, against what, on which machine, and every script's result in the
 * order run. Script ids are unique within a run.
 */
public record RunResult(String runId, String toolVersion, Instant startedAt, Instant finishedAt,
                        TargetDescription target, List<ScriptResult> scripts, EnvironmentInfo environment) {

    public RunResult {
        Checks.nonBlank(runId, "runId");
        Checks.nonBlank(toolVersion, "toolVersion");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("finishedAt: " + finishedAt + " (expected: >= startedAt " + startedAt + ")");
        }
        Objects.requireNonNull(target, "target");
        scripts = Checks.list(scripts, "scripts");
        var ids = new HashSet<String>();
        for (ScriptResult script : scripts) {
            if (!ids.add(script.scriptId())) {
                throw new IllegalArgumentException("scripts: duplicate script id " + script.scriptId());
            }
        }
        Objects.requireNonNull(environment, "environment");
    }

    /** Wall time of the whole run. */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** Counts for this run; see {@link RunSummary}. */
    public RunSummary summary() {
        return RunSummary.of(scripts);
    }
}
