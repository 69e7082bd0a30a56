package io.maildrill.report.html;

import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.OutcomeCounts;
import io.maildrill.report.model.RunSummary;

import java.util.Locale;
import java.util.Map;

import static io.maildrill.report.html.HtmlEscaper.escape;

/** Outcome cards, pass rate, and per-promise / per-protocol tables with stacked bars. */
final class SummarySection {

    private SummarySection() {
    }

    static void render(RunSummary summary, StringBuilder html) {
        OutcomeCounts total = summary.total();
        html.append("<section id=\"summary\" class=\"card\"><h2>Summary</h2><div class=\"tiles\">");
        html.append("<div class=\"tile rate\"><div class=\"num\">").append(passRate(total))
                .append("</div><div class=\"cap\">pass rate</div></div>");
        html.append("<div class=\"tile\"><div class=\"num\">").append(total.total()).append("</div><div class=\"cap\">scripts</div></div>");
        for (Outcome outcome : Badges.ORDER) {
            html.append("<div class=\"tile ").append(outcome.label()).append(total.count(outcome) == 0 ? " zero" : "")
                    .append("\"><div class=\"num\">").append(total.count(outcome)).append("</div><div class=\"cap\">")
                    .append(Badges.label(outcome)).append("</div></div>");
        }
        html.append("</div><p class=\"note\">Pass rate = (passed + fixed) / (all − skipped); expected failures count as not passed.</p>");
        html.append("<div class=\"split\">");
        table("By promise", summary.byPromise(), html);
        var byProtocol = new java.util.LinkedHashMap<String, OutcomeCounts>();
        summary.byProtocol().forEach((k, v) -> byProtocol.put(k.name(), v));
        table("By protocol", byProtocol, html);
        html.append("</div></section>");
    }

    private static void table(String title, Map<String, OutcomeCounts> rows, StringBuilder html) {
        html.append("<div><h3>").append(title).append("</h3><table class=\"counts\"><thead><tr><th></th><th>scripts</th>")
                .append("<th>pass rate</th><th class=\"barcol\">outcomes</th></tr></thead><tbody>");
        rows.forEach((name, counts) -> {
            html.append("<tr><th>").append(escape(name)).append("</th><td class=\"n\">").append(counts.total())
                    .append("</td><td class=\"n\">").append(passRate(counts)).append("</td><td>");
            stackedBar(counts, html);
            html.append("</td></tr>");
        });
        html.append("</tbody></table></div>");
    }

    static void stackedBar(OutcomeCounts counts, StringBuilder html) {
        html.append("<div class=\"stack\" title=\"");
        StringBuilder tip = new StringBuilder();
        for (Outcome outcome : Badges.ORDER) {
            if (counts.count(outcome) > 0) {
                tip.append(Badges.label(outcome)).append(": ").append(counts.count(outcome)).append("  ");
            }
        }
        html.append(escape(tip.toString().trim())).append("\">");
        for (Outcome outcome : Badges.ORDER) {
            int n = counts.count(outcome);
            if (n > 0) {
                html.append(String.format(Locale.ROOT, "<span class=\"seg %s\" style=\"flex-grow:%d\"></span>", outcome.label(), n));
            }
        }
        html.append("</div>");
    }

    static String passRate(OutcomeCounts counts) {
        return counts.passRate().isPresent()
                ? String.format(Locale.ROOT, "%.0f%%", counts.passRate().getAsDouble() * 100) : "–";
    }
}
