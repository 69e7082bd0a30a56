package io.maildrill.cli;

import io.maildrill.bench.report.BenchTables;
import io.maildrill.bench.report.JmhResults;
import io.maildrill.bench.report.RunComparison;
import io.maildrill.report.model.BenchmarkResult;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code maildrill report compare A.json B.json ...}: several JMH result files side by side, each
 * run's score and its speed-up against the first file (above 1× = better, whatever the mode).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare JMH JSON result files side by side, with speed-ups against the first.")
public final class ReportCompareCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RESULT.json", arity = "2..*", description = "JMH JSON files (maildrill bench writes jmh-threadsN.json).")
    List<File> files;

    @Option(names = "--output", paramLabel = "FILE.md", description = "Also write the table to this Markdown file.")
    File output;

    @Override
    public Integer call() throws IOException {
        List<List<BenchmarkResult>> runs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (File file : files) {
            if (!file.canRead()) {
                throw new UserError(file + ": not readable");
            }
            try {
                runs.add(JmhResults.read(file.toPath()));
            } catch (IOException e) {
                throw new UserError(file + ": " + e.getMessage());
            }
            names.add(uniqueName(file, names));
        }
        String table = BenchTables.comparison(names, RunComparison.compare(runs));
        System.out.print(table);
        if (output != null) {
            Files.writeString(output.toPath(), table, StandardCharsets.UTF_8);
        }
        return ExitCodes.OK;
    }

    /** The file name, or its parent directory and name when two runs share a file name (jmh-threads1.json). */
    static String uniqueName(File file, List<String> taken) {
        String name = file.getName();
        if (taken.contains(name) && file.getAbsoluteFile().getParentFile() != null) {
            name = file.getAbsoluteFile().getParentFile().getName() + "/" + name;
        }
        while (taken.contains(name)) {
            name = name + "'";
        }
        return name;
    }
}
