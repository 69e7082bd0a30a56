package io.maildrill.report.html;

import io.maildrill.report.model.CatalogCoverage;
import io.maildrill.report.model.Outcome;

import java.util.Map;

import static io.maildrill.report.html.HtmlEscaper.escape;

/** Catalog coverage: each covered ID, its requirement text when known, and the covering scripts' outcomes. */
final class CatalogSection {

    private CatalogSection() {
    }

    static void render(Map<String, CatalogCoverage> coverage, Map<String, String> requirementText, StringBuilder html) {
        html.append("<section id=\"catalog\" class=\"card\"><h2>Catalog coverage <span class=\"muted\">")
                .append(coverage.size()).append(" requirements covered</span></h2>");
        html.append("<table class=\"catalog\"><thead><tr><th>ID</th><th>requirement</th><th>scripts</th><th>status</th></tr></thead><tbody>");
        for (CatalogCoverage c : coverage.values()) {
            html.append("<tr><th><code>").append(escape(c.catalogId())).append("</code></th><td>")
                    .append(escape(requirementText.getOrDefault(c.catalogId(), ""))).append("</td><td>");
            for (CatalogCoverage.ScriptOutcome s : c.scripts()) {
                html.append("<a class=\"cov ").append(s.outcome().label()).append("\" href=\"#s-")
                        .append(escape(s.scriptId().replaceAll("[^A-Za-z0-9_-]", "-"))).append("\" title=\"")
                        .append(escape(Badges.label(s.outcome()))).append("\">").append(escape(s.scriptId())).append("</a> ");
            }
            html.append("</td><td>").append(status(c)).append("</td></tr>");
        }
        html.append("</tbody></table></section>");
    }

    private static String status(CatalogCoverage c) {
        if (c.counts().newFailures() > 0) {
            return Badges.badge(c.counts().count(Outcome.FAILED) > 0 ? Outcome.FAILED : Outcome.ERROR);
        }
        if (c.failed() > 0) {
            return Badges.badge(Outcome.EXPECTED_FAILURE);
        }
        if (!c.judged()) {
            return Badges.badge(Outcome.SKIPPED);
        }
        return Badges.badge(Outcome.PASSED);
    }
}
