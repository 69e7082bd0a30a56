package io.maildrill.run;

import io.maildrill.report.model.Level;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.Protocol;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.script.ast.Metadata;
import io.maildrill.script.ast.Script;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the report model's script results from a script's metadata. */
public final class Results {

    private Results() {
    }

    /** A script that did not run, with the reason (missing capability, no test accounts, ...). */
    public static ScriptResult skipped(ParsedScript script, String reason) {
        return of(script, Outcome.SKIPPED, reason, Duration.ZERO);
    }

    /** A script the harness could not run (connection refused, harness bug), with the reason. */
    public static ScriptResult error(ParsedScript script, String reason, Duration duration) {
        return of(script, Outcome.ERROR, reason, duration);
    }

    /** The same result with another outcome and reason (expectations grading keeps steps, failure, transcripts). */
    public static ScriptResult withOutcome(ScriptResult r, Outcome outcome, String reason) {
        return new ScriptResult(r.scriptId(), r.title(), r.catalogIds(), r.level(), r.protocols(), r.promise(), outcome,
                Optional.of(reason), r.duration(), r.steps(), outcome == Outcome.FIXED ? Optional.empty() : r.failure(),
                r.transcripts());
    }

    /** The report's level for a script's {@code @level}. */
    public static Level level(Script script) {
        return Level.valueOf(script.metadata().level().name());
    }

    /** The report's protocols for a script's {@code @protocols}, IMAP before POP3. */
    public static List<Protocol> protocols(Script script) {
        return script.metadata().protocols().stream().sorted().map(p -> Protocol.valueOf(p.name())).toList();
    }

    /** The promise a script belongs to: its first {@code @category}, in the words reports use. */
    public static String promise(Script script) {
        Metadata metadata = script.metadata();
        String category = metadata.categories().isEmpty() ? "uncategorised" : metadata.categories().get(0);
        return category.equals("headers-only-fetch") ? "headers-only fetch" : category;
    }

    private static ScriptResult of(ParsedScript script, Outcome outcome, String reason, Duration duration) {
        Script s = script.script();
        return new ScriptResult(script.id(), s.metadata().title(), s.metadata().covers(), level(s), protocols(s),
                promise(s), outcome, Optional.of(reason), duration, List.of(), Optional.empty(), Map.of());
    }
}
