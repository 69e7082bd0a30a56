package io.maildrill.cli;

import io.maildrill.report.model.Failure;
import io.maildrill.report.model.RunResult;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.run.Expectations;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The expectations file a run implies ({@code check --write-expectations}): what failed is
 * pinned, so the next run fails only on regressions. A listed failure keeps its reason; a new
 * one is marked {@code UNTRIAGED} with what was expected and what came, for someone to replace
 * with the RFC section once they have decided whose mistake it is; a listed script that passed
 * is dropped; one that could not reach its check (error, skip) keeps its listing, since the
 * deviation was not seen either way. Errors are never pinned: they are not the server's answer.
 * Entries for scripts the run did not select stay as they were.
 */
final class ExpectationsBaseline {

    static final String UNTRIAGED = "UNTRIAGED";
    private static final int MAX_REASON = 240;

    private ExpectationsBaseline() {
    }

    static String of(RunResult run, Expectations listed) {
        List<String> lines = new ArrayList<>();
        lines.add("# Known deviations of " + run.target().description() + ", written by maildrill check --write-expectations");
        lines.add("# on " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(run.finishedAt()) + " from " + listed.source() + " and that run.");
        lines.add("# One entry per line: SCRIPT-ID REASON. Replace each " + UNTRIAGED + " reason with the RFC section the");
        lines.add("# server deviates from, once you have read it and decided the server (not maildrill) is wrong.");
        for (ScriptResult script : run.scripts()) {
            reason(script, listed).ifPresent(reason -> lines.add(script.scriptId() + "  " + reason));
        }
        // a selection (--suite, --level, ...) must not lose what is known about the scripts it left out
        List<String> outside = listed.entries().stream()
                .filter(entry -> run.scripts().stream().noneMatch(s -> listed.lookup(s.scriptId()).equals(Optional.of(entry))))
                .map(entry -> entry.pattern() + "  " + entry.reason())
                .toList();
        if (!outside.isEmpty()) {
            lines.add("# listed before and not part of this run, kept as they were:");
            lines.addAll(outside);
        }
        return String.join("\n", lines) + "\n";
    }

    private static Optional<String> reason(ScriptResult script, Expectations listed) {
        Optional<String> known = listed.lookup(script.scriptId()).map(Expectations.KnownFailure::reason);
        return switch (script.outcome()) {
            case EXPECTED_FAILURE, ERROR, SKIPPED -> known;
            case FAILED -> Optional.of(untriaged(script));
            case PASSED, FIXED -> Optional.empty();
        };
    }

    private static String untriaged(ScriptResult script) {
        String what = script.failure().map(ExpectationsBaseline::describe).orElse("failed");
        String ids = script.catalogIds().isEmpty() ? "" : " (" + String.join(" ", script.catalogIds()) + ")";
        return UNTRIAGED + ": " + oneLine(what) + ids;
    }

    private static String describe(Failure failure) {
        return "line " + failure.line() + ": " + failure.summary();
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > MAX_REASON ? line.substring(0, MAX_REASON - 3) + "..." : line;
    }
}
