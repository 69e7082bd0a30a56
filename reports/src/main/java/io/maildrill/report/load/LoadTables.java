package io.maildrill.report.load;

import static io.maildrill.report.html.HtmlEscaper.escape;

import io.maildrill.report.html.Badges;
import io.maildrill.report.model.Outcome;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The load report's tables: one row per command kind, and one per oracle rule with the violations it caught. */
final class LoadTables {

    private LoadTables() {
    }

    static void kinds(List<LoadReport.Kind> kinds, StringBuilder html) {
        html.append("<section class=\"card\" id=\"kinds\"><h2>Commands<span class=\"muted\">whole run; latency in ms,")
                .append(" from the run's histograms</span></h2>");
        if (kinds.isEmpty()) {
            html.append("<p class=\"note\">No command completed.</p></section>");
            return;
        }
        html.append("<div class=\"scroll\"><table class=\"kinds\"><thead><tr><th>command</th><th class=\"n\">count</th><th class=\"n\">per s</th>")
                .append("<th class=\"n\">NO</th><th class=\"n\">errors</th><th class=\"n\">p50</th><th class=\"n\">p90</th>")
                .append("<th class=\"n\">p99</th><th class=\"n\">p99.9</th><th class=\"n\">max</th><th class=\"n\">mean</th>")
                .append("<th>errors by what happened</th></tr></thead><tbody>");
        for (LoadReport.Kind kind : kinds) {
            LoadReport.Latency l = kind.latency();
            html.append("<tr").append(kind.errorCount() > 0 ? " class=\"failed\"" : "").append("><th scope=\"row\"><code>")
                    .append(escape(kind.kind())).append("</code></th>").append(number(kind.count()))
                    .append(decimal(kind.perSecond(), 1)).append(number(kind.refused())).append(number(kind.errorCount()))
                    .append(decimal(l.p50(), 2)).append(decimal(l.p90(), 2)).append(decimal(l.p99(), 2))
                    .append(decimal(l.p999(), 2)).append(decimal(l.max(), 2)).append(decimal(l.mean(), 2)).append("<td>");
            kind.errors().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> html.append("<div>").append(escape(e.getKey())).append(" ×").append(e.getValue()).append("</div>"));
            html.append("</td></tr>");
        }
        html.append("</tbody></table></div></section>");
    }

    /** Violations shown before the rest fold away under a summary (which needs no script). */
    private static final int OPEN_EXAMPLES = 2;

    /** Violated rules first, each with the examples the run kept (server bytes, escaped). */
    static void rules(List<LoadReport.Rule> rules, StringBuilder html) {
        long violated = rules.stream().filter(r -> r.violations() > 0).count();
        html.append("<section class=\"card\" id=\"rules\"><h2>Oracle rules<span class=\"muted\">").append(violated).append(" of ")
                .append(rules.size()).append(" violated</span></h2>");
        if (rules.isEmpty()) {
            html.append("<p class=\"note\">The profile checked no rule.</p></section>");
            return;
        }
        html.append("<table class=\"rules\"><thead><tr><th></th><th>rule</th><th>catalog</th><th>RFC</th>")
                .append("<th class=\"n\">violations</th></tr></thead><tbody>");
        List<LoadReport.Rule> ordered = rules.stream()
                .sorted(Comparator.comparing((LoadReport.Rule r) -> r.violations() == 0)).toList();
        for (LoadReport.Rule rule : ordered) {
            boolean broken = rule.violations() > 0;
            html.append("<tr").append(broken ? " class=\"failed\"" : "").append(" data-rule=\"").append(escape(rule.id()))
                    .append("\"><td>").append(Badges.badge(broken ? Outcome.FAILED : Outcome.PASSED)).append("</td><td><code>")
                    .append(escape(rule.id())).append("</code><div>").append(escape(rule.text())).append("</div>");
            if (!rule.examples().isEmpty()) {
                html.append("<h4>first violations").append(rule.examples().size() < rule.violations()
                        ? " (" + rule.examples().size() + " of " + rule.violations() + ")" : "").append("</h4>");
                for (int i = 0; i < rule.examples().size(); i++) {
                    if (i == OPEN_EXAMPLES) {
                        html.append("<details><summary>").append(rule.examples().size() - OPEN_EXAMPLES).append(" more</summary>");
                    }
                    html.append("<pre class=\"example\">").append(escape(withoutRuleName(rule, rule.examples().get(i))))
                            .append("</pre>");
                }
                if (rule.examples().size() > OPEN_EXAMPLES) {
                    html.append("</details>");
                }
            }
            html.append("</td><td><code>").append(escape(rule.catalogId())).append("</code></td><td>").append(escape(rule.section()))
                    .append("</td>").append(number(rule.violations())).append("</tr>");
        }
        html.append("</tbody></table></section>");
    }

    /** An example starts by naming its rule, catalog ID and section, which the row already shows. */
    private static String withoutRuleName(LoadReport.Rule rule, String example) {
        String name = rule.id() + " (" + rule.catalogId() + ", " + rule.section() + ") ";
        return example.startsWith(name) ? example.substring(name.length()) : example;
    }

    private static String number(long n) {
        return "<td class=\"n\">" + String.format(Locale.ROOT, "%,d", n) + "</td>";
    }

    private static String decimal(double value, int places) {
        return "<td class=\"n\">" + String.format(Locale.ROOT, "%,." + places + "f", value) + "</td>";
    }
}
