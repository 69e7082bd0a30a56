package io.maildrill.report.model;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Why a script failed, self-explaining: where ({@code scriptPath:line}), in which session, what was sent,
 * what was expected, what arrived, and the last transcript lines before it (already redacted).
 *
 * @param scriptPath          script id, relative path such as {@code pop3/deletion/dele-marks-only.script}
 * @param line                1-based line of the failing step
 * @param session             session name
 * @param commandSent         last command sent before the failure (empty when none)
 * @param expected            what the script expected, as written or rendered by the matcher
 * @param actual              what the server sent (or "connection closed", "timeout after 10 s")
 * @param lastTranscriptLines tail of the session transcript, oldest first
 * @param catalogIds          catalog requirements this failure violates
 */
public record Failure(String scriptPath, int line, String session, String commandSent, String expected,
                      String actual, List<String> lastTranscriptLines, List<String> catalogIds) {

    public Failure {
        Checks.nonBlank(scriptPath, "scriptPath");
        Checks.positive(line, "line");
        Checks.nonBlank(session, "session");
        Checks.text(commandSent, "commandSent");
        Checks.text(expected, "expected");
        Checks.text(actual, "actual");
        lastTranscriptLines = Checks.list(lastTranscriptLines, "lastTranscriptLines");
        catalogIds = Checks.list(catalogIds, "catalogIds");
    }

    /** This failure with {@code mask} applied to what was sent, expected, received and the transcript tail. */
    public Failure redacted(UnaryOperator<String> mask) {
        return new Failure(scriptPath, line, session, mask.apply(commandSent), mask.apply(expected), mask.apply(actual),
                lastTranscriptLines.stream().map(mask).toList(), catalogIds);
    }

    /** {@code scriptPath:line}, the form IDEs and terminals turn into a link. */
    public String location() {
        return scriptPath + ":" + line;
    }

    /** One line for summaries: {@code expected <expected>, got <actual>}. */
    public String summary() {
        return "expected " + firstLine(expected) + ", got " + firstLine(actual);
    }

    /** Multi-line plain-text explanation: location, session, sent, expected, actual, catalog IDs, transcript tail. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(location()).append(" [session ").append(session).append("]\n");
        if (!commandSent.isEmpty()) {
            out.append("sent:     ").append(commandSent).append('\n');
        }
        out.append("expected: ").append(expected).append('\n');
        out.append("actual:   ").append(actual).append('\n');
        if (!catalogIds.isEmpty()) {
            out.append("catalog:  ").append(String.join(" ", catalogIds)).append('\n');
        }
        if (!lastTranscriptLines.isEmpty()) {
            out.append("last transcript lines:\n");
            lastTranscriptLines.forEach(line -> out.append("  ").append(line).append('\n'));
        }
        return out.toString();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end) + " ...";
    }
}
