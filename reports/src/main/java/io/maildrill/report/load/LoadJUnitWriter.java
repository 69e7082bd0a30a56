package io.maildrill.report.load;

import io.maildrill.report.junit.XmlEscaper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code TEST-maildrill.load.xml}: one test per oracle rule, failed when the run caught a
 * violation of it (the first ones quoted), and one for the error budget; Surefire's layout, so
 * any CI shows a load run as it shows a check.
 */
public final class LoadJUnitWriter {

    public static final String FILE = "TEST-maildrill.load.xml";

    private LoadJUnitWriter() {
    }

    /**
     * @param maxErrors the errors the run allows before it fails
     */
    public static Path write(LoadReport report, long maxErrors, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE);
        double seconds = Duration.between(Instant.parse(report.start()), Instant.parse(report.end())).toMillis() / 1000.0;
        long failures = report.rules().stream().filter(r -> r.violations() > 0).count()
                + (LoadVerdict.errorsOverBudget(report, maxErrors) ? 1 : 0);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            out.write("<testsuite name=\"maildrill.load\" tests=\"" + (report.rules().size() + 1) + "\" failures=\""
                    + failures + "\" errors=\"0\" skipped=\"0\" time=\"" + String.format(Locale.ROOT, "%.3f", seconds)
                    + "\" timestamp=\"" + XmlEscaper.attribute(report.start()) + "\">\n");
            out.write("  <properties>\n");
            property(out, "profile", report.profile());
            property(out, "target", report.target());
            property(out, "clients", Integer.toString(report.clients()));
            property(out, "shards", String.join(",", report.shards()));
            property(out, "commands", Long.toString(report.totals().commands()));
            out.write("  </properties>\n");
            for (LoadReport.Rule rule : report.rules()) {
                out.write("  <testcase classname=\"maildrill.load.oracle\" name=\"" + XmlEscaper.attribute(rule.id())
                        + "\" time=\"0\">\n");
                if (rule.violations() > 0) {
                    String message = rule.violations() + " violation(s) of " + rule.catalogId() + " (" + rule.section() + "): "
                            + rule.text();
                    out.write("    <failure type=\"maildrill.LoadViolation\" message=\"" + XmlEscaper.attribute(message)
                            + "\">" + XmlEscaper.text(String.join("\n", rule.examples())) + "</failure>\n");
                }
                out.write("  </testcase>\n");
            }
            out.write("  <testcase classname=\"maildrill.load\" name=\"errors-within-budget\" time=\"0\">\n");
            if (LoadVerdict.errorsOverBudget(report, maxErrors)) {
                StringBuilder detail = new StringBuilder();
                for (LoadReport.Kind kind : report.kinds()) {
                    kind.errors().forEach((what, n) -> detail.append(kind.kind()).append(": ").append(what).append(" ×")
                            .append(n).append('\n'));
                }
                out.write("    <failure type=\"maildrill.LoadErrors\" message=\"" + XmlEscaper.attribute(report.totals().errors()
                        + " errors, more than --max-errors " + maxErrors) + "\">" + XmlEscaper.text(detail.toString())
                        + "</failure>\n");
            }
            out.write("  </testcase>\n");
            out.write("</testsuite>\n");
        }
        return file;
    }

    private static void property(Writer out, String name, String value) throws IOException {
        out.write("    <property name=\"" + XmlEscaper.attribute(name) + "\" value=\"" + XmlEscaper.attribute(value) + "\"/>\n");
    }
}
