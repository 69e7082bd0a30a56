package io.maildrill.cli;

import io.maildrill.report.html.HtmlReportWriter;
import io.maildrill.report.json.JsonReportWriter;
import io.maildrill.report.junit.JUnitXmlWriter;
import io.maildrill.report.markdown.MarkdownSummaryWriter;
import io.maildrill.report.model.RunResult;
import io.maildrill.suites.catalog.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes one run's reports (JUnit XML, JSON, HTML, Markdown) into a directory. */
final class ReportFiles {

    private ReportFiles() {
    }

    /** Makes sure reports can be written into {@code directory}, before any connection is made. */
    static void requireWritable(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, ".maildrill-write-check", ".tmp"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new UserError("cannot write reports into " + directory + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); choose another --report-dir");
        }
    }

    static List<Path> write(RunResult run, Path directory) {
        try {
            Files.createDirectories(directory);
            List<Path> written = new ArrayList<>(new JUnitXmlWriter().write(run, directory));
            written.add(new JsonReportWriter().write(run, directory));
            written.add(new HtmlReportWriter().write(run, List.of(), Catalog.bundled().requirementsById(), directory));
            written.add(new MarkdownSummaryWriter().write(run, directory));
            return written;
        } catch (IOException e) {
            throw new UserError("cannot write reports into " + directory + ": " + e.getMessage());
        }
    }
}
