package io.maildrill.report.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The result of one script against one target.
 *
 * <p>Consistency is checked at construction: {@link Outcome#SKIPPED} and {@link Outcome#EXPECTED_FAILURE}
 * need a {@code reason} (missing capability; the expectations file's reason), {@link Outcome#FAILED} needs a
 * {@link Failure}, {@link Outcome#ERROR} needs a failure or a reason, and passing outcomes carry no failure.
 *
 * @param scriptId    relative path of the script, such as {@code pop3/deletion/dele-marks-only.script}
 * @param title       one-line human title
 * @param catalogIds  conformance catalog IDs the script covers ({@code P25}, {@code I104}, ...)
 * @param level       requirement level the script rests on
 * @param protocols   protocols driven (two for cross-protocol scripts); not empty
 * @param promise     promise or category: "deletion", "synchronisation", "headers-only fetch", "errors", ...
 * @param outcome     how the script ended
 * @param reason      skip reason, expected-failure reason, or error explanation
 * @param duration    wall time
 * @param steps       executed steps in order
 * @param failure     the first failure, if any
 * @param transcripts session name to rendered, redacted transcript lines, in session order
 */
public record ScriptResult(String scriptId, String title, List<String> catalogIds, Level level,
                           List<Protocol> protocols, String promise, Outcome outcome, Optional<String> reason,
                           Duration duration, List<StepResult> steps, Optional<Failure> failure,
                           Map<String, List<String>> transcripts) {

    public ScriptResult {
        Checks.nonBlank(scriptId, "scriptId");
        Checks.nonBlank(title, "title");
        catalogIds = Checks.list(catalogIds, "catalogIds");
        Objects.requireNonNull(level, "level");
        protocols = Checks.list(protocols, "protocols");
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("protocols: must name at least one protocol (" + scriptId + ")");
        }
        Checks.nonBlank(promise, "promise");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration: " + duration + " (expected: >= 0)");
        }
        steps = Checks.list(steps, "steps");
        Objects.requireNonNull(failure, "failure");
        transcripts = copyTranscripts(transcripts);
        checkConsistency(scriptId, outcome, reason, failure);
    }

    private static Map<String, List<String>> copyTranscripts(Map<String, List<String>> transcripts) {
        Objects.requireNonNull(transcripts, "transcripts");
        var copy = new java.util.LinkedHashMap<String, List<String>>();
        transcripts.forEach((session, lines) -> copy.put(
                Objects.requireNonNull(session, "transcripts: null session"),
                Checks.list(lines, "transcripts[" + session + "]")));
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static void checkConsistency(String scriptId, Outcome outcome, Optional<String> reason,
                                         Optional<Failure> failure) {
        boolean hasReason = reason.filter(r -> !r.isBlank()).isPresent();
        String problem = switch (outcome) {
            case SKIPPED, EXPECTED_FAILURE -> hasReason ? null : "needs a reason";
            case FAILED -> failure.isPresent() ? null : "needs a failure";
            case ERROR -> failure.isPresent() || hasReason ? null : "needs a failure or a reason";
            case PASSED, FIXED -> failure.isEmpty() ? null : "must not carry a failure";
        };
        if (problem != null) {
            throw new IllegalArgumentException("outcome " + outcome + " " + problem + " (" + scriptId + ")");
        }
    }

    /**
     * This result with {@code mask} applied to everything that came from the wire or quotes it
     * (reason, steps, failure, transcripts): the last pass before a result leaves the process, so
     * a secret echoed by a server or sent by a raw script line is masked in every report.
     */
    public ScriptResult redacted(UnaryOperator<String> mask) {
        Map<String, List<String>> masked = new java.util.LinkedHashMap<>();
        transcripts.forEach((session, lines) -> masked.put(session, lines.stream().map(mask).toList()));
        return new ScriptResult(scriptId, title, catalogIds, level, protocols, promise, outcome, reason.map(mask), duration,
                steps.stream().map(s -> s.redacted(mask)).toList(), failure.map(f -> f.redacted(mask)), masked);
    }

    /** The directory part of the script id ({@code pop3/deletion}), or empty for a top-level script. */
    public String group() {
        int slash = scriptId.lastIndexOf('/');
        return slash < 0 ? "" : scriptId.substring(0, slash);
    }

    /** The file name part of the script id ({@code dele-marks-only.script}). */
    public String fileName() {
        return scriptId.substring(scriptId.lastIndexOf('/') + 1);
    }
}
