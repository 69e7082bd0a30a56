package io.maildrill.report.html;

import io.maildrill.report.model.Failure;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.OutcomeCounts;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.report.model.StepResult;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static io.maildrill.report.html.HtmlEscaper.escape;

/**
 * Filter buttons and one expandable {@code <details>} row per script, most urgent outcome first. Scripts that
 * failed or errored start open. Expansion works without JavaScript; filtering needs it.
 */
final class ScriptsSection {

    private ScriptsSection() {
    }

    static void render(List<ScriptResult> scripts, OutcomeCounts counts, StringBuilder html) {
        html.append("<section id=\"scripts\" class=\"card\"><h2>Scripts</h2><div class=\"filters\" role=\"group\">");
        html.append("<button class=\"filter active\" data-filter=\"all\">All <b>").append(counts.total()).append("</b></button>");
        for (Outcome outcome : Badges.ORDER) {
            if (counts.count(outcome) > 0) {
                html.append("<button class=\"filter ").append(outcome.label()).append("\" data-filter=\"")
                        .append(outcome.label()).append("\">").append(Badges.label(outcome)).append(" <b>")
                        .append(counts.count(outcome)).append("</b></button>");
            }
        }
        html.append("</div><div class=\"rows\"><div class=\"row head\"><span>outcome</span><span>script</span>")
                .append("<span>promise</span><span>protocol</span><span>level</span><span>catalog</span><span class=\"n\">time</span></div>");
        scripts.stream()
                .sorted(Comparator.comparingInt((ScriptResult s) -> Badges.ORDER.indexOf(s.outcome())))
                .forEach(script -> script(script, html));
        html.append("</div></section>");
    }

    private static void script(ScriptResult s, StringBuilder html) {
        boolean open = s.outcome().isNewFailure();
        html.append("<details class=\"script\" data-outcome=\"").append(s.outcome().label()).append("\" id=\"s-")
                .append(escape(s.scriptId().replaceAll("[^A-Za-z0-9_-]", "-"))).append('"').append(open ? " open" : "").append('>');
        html.append("<summary class=\"row\"><span>").append(Badges.badge(s.outcome())).append("</span><span class=\"name\"><b>")
                .append(escape(s.title())).append("</b><code>").append(escape(s.scriptId())).append("</code></span><span>")
                .append(escape(s.promise())).append("</span><span>")
                .append(s.protocols().stream().map(Enum::name).collect(Collectors.joining(" + "))).append("</span><span>")
                .append(escape(s.level().label())).append("</span><span class=\"ids\">")
                .append(escape(String.join(" ", s.catalogIds()))).append("</span><span class=\"n\">")
                .append(millis(s.duration())).append("</span></summary><div class=\"body\">");
        s.reason().ifPresent(reason -> html.append("<p class=\"reason ").append(s.outcome().label()).append("\">")
                .append(reasonPrefix(s.outcome())).append(escape(reason)).append("</p>"));
        s.failure().ifPresent(f -> failure(f, html));
        steps(s.steps(), html);
        transcripts(s, html);
        html.append("</div></details>");
    }

    private static String reasonPrefix(Outcome outcome) {
        return switch (outcome) {
            case SKIPPED -> "<b>Skipped:</b> ";
            case EXPECTED_FAILURE -> "<b>Known failure:</b> ";
            case FIXED -> "<b>Listed as a known failure but passed</b> — remove it from the expectations file. Listed reason: ";
            case ERROR -> "<b>Harness error:</b> ";
            default -> "";
        };
    }

    private static void failure(Failure f, StringBuilder html) {
        html.append("<div class=\"failure\"><div class=\"loc\"><code>").append(escape(f.location())).append("</code> · session <b>")
                .append(escape(f.session())).append("</b>");
        if (!f.commandSent().isEmpty()) {
            html.append(" · sent <code>").append(escape(f.commandSent())).append("</code>");
        }
        if (!f.catalogIds().isEmpty()) {
            html.append(" · violates <b>").append(escape(String.join(" ", f.catalogIds()))).append("</b>");
        }
        html.append("</div><div class=\"diff\"><div><h4>expected</h4><pre>").append(escape(f.expected()))
                .append("</pre></div><div><h4>actual</h4><pre>").append(escape(f.actual())).append("</pre></div></div>");
        if (!f.lastTranscriptLines().isEmpty()) {
            html.append("<h4>last transcript lines</h4><pre class=\"transcript\">")
                    .append(escape(String.join("\n", f.lastTranscriptLines()))).append("</pre>");
        }
        html.append("</div>");
    }

    private static void steps(List<StepResult> steps, StringBuilder html) {
        if (steps.isEmpty()) {
            return;
        }
        html.append("<table class=\"steps\"><thead><tr><th class=\"n\">line</th><th>session</th><th>command</th>")
                .append("<th>outcome</th><th class=\"n\">time</th><th>message</th></tr></thead><tbody>");
        for (StepResult step : steps) {
            html.append("<tr class=\"").append(step.outcome().label()).append("\"><td class=\"n\">").append(step.line())
                    .append("</td><td>").append(escape(step.session())).append("</td><td><code>").append(escape(step.command()))
                    .append("</code></td><td>").append(Badges.badge(step.outcome())).append("</td><td class=\"n\">")
                    .append(millis(step.duration())).append("</td><td>").append(escape(step.message())).append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    /** Transcripts are shown for scripts that did not pass; passing transcripts are noise in a report. */
    private static void transcripts(ScriptResult s, StringBuilder html) {
        if (s.outcome().isPass() || s.outcome() == Outcome.SKIPPED) {
            return;
        }
        for (Map.Entry<String, List<String>> session : s.transcripts().entrySet()) {
            html.append("<h4>transcript · session ").append(escape(session.getKey())).append("</h4><pre class=\"transcript\">");
            for (String line : session.getValue()) {
                String css = line.startsWith("C:") ? "c" : line.startsWith("S:") ? "s" : "x";
                html.append("<span class=\"").append(css).append("\">").append(escape(line)).append("</span>\n");
            }
            html.append("</pre>");
        }
    }

    static String millis(Duration duration) {
        long ms = duration.toMillis();
        return ms >= 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : ms + " ms";
    }
}
