package io.maildrill.cli;

import io.maildrill.report.load.LoadHtmlWriter;
import io.maildrill.report.load.LoadJUnitWriter;
import io.maildrill.report.load.LoadJsonWriter;
import io.maildrill.report.load.LoadReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a load report's documents ({@code load.json}, the JUnit XML, {@code load.html}) into a
 * directory: the one place both {@code load} and {@code report merge} write them. The interval log is not among them: {@code load} streams it while it runs.
 */
final class LoadReportFiles {

    private LoadReportFiles() {
    }

    static void write(LoadReport report, long maxErrors, Path directory, String option) {
        try {
            Files.createDirectories(directory);
            LoadJsonWriter.write(report, directory.resolve("load.json"));
            LoadJUnitWriter.write(report, maxErrors, directory);
            LoadHtmlWriter.write(report, maxErrors, directory);
        } catch (IOException e) {
            throw new UserError("cannot write to " + option + " " + directory + ": " + e.getMessage());
        }
    }
}
