package io.maildrill.report.junit;

import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.RunResult;
import io.maildrill.report.model.ScriptResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run as JUnit XML in the layout Maven Surefire produces, so every CI test-report plugin reads it.
 *
 * <p>One {@code <testsuite>} per script directory ({@code pop3/deletion} → suite and file
 * {@code TEST-maildrill.pop3.deletion.xml}). Why per directory rather than one per run: Surefire writes one
 * file per test class, and Jenkins, GitLab and the GitHub test-report actions group and count by
 * suite/classname, so a per-directory suite shows up as "maildrill.pop3 › deletion: 1 failed of 12" and keeps
 * a stable history per script ({@code name} is the script file name, not its title, which may be edited).
 *
 * <p>Outcome mapping: {@code FAILED} → {@code <failure>}, {@code ERROR} → {@code <error>}, {@code SKIPPED} →
 * {@code <skipped message="reason"/>}, {@code EXPECTED_FAILURE} → {@code <skipped message="expected failure:
 * reason"/>} (CI stays green but shows it), {@code FIXED} → passed with a note in {@code <system-out>}.
 * Server text is escaped and characters illegal in XML 1.0 are replaced by visible escapes ({@code \x1B}).
 * The {@code timestamp} is the run start in UTC, written without zone as Surefire does.
 */
public final class JUnitXmlWriter {

    static final String FAILURE_TYPE = "maildrill.ExpectationFailed";
    static final String ERROR_TYPE = "maildrill.HarnessError";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    /**
     * Writes one {@code TEST-<suite>.xml} per suite into {@code directory} (created if missing) and returns
     * the files written, in suite order.
     */
    public List<Path> write(RunResult run, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<ScriptResult>> suite : suites(run).entrySet()) {
            Path file = directory.resolve("TEST-" + suite.getKey() + ".xml");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writeSuite(run, suite.getKey(), suite.getValue(), out);
            }
            written.add(file);
        }
        return written;
    }

    /** Groups the run's scripts into suites by script directory, in first-seen order. */
    public static Map<String, List<ScriptResult>> suites(RunResult run) {
        var suites = new LinkedHashMap<String, List<ScriptResult>>();
        for (ScriptResult script : run.scripts()) {
            suites.computeIfAbsent(suiteName(script), k -> new ArrayList<>()).add(script);
        }
        return suites;
    }

    /** {@code maildrill.} plus the script directory with dots ({@code maildrill.pop3.deletion}). */
    public static String suiteName(ScriptResult script) {
        String group = script.group().isEmpty() ? "scripts" : script.group();
        return "maildrill." + group.replace('/', '.').replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** Writes one UTF-8 {@code <testsuite>} document for the given scripts; the writer is flushed, not closed. */
    public void writeSuite(RunResult run, String suiteName, List<ScriptResult> scripts, Writer out) throws IOException {
        Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out);
        Duration time = scripts.stream().map(ScriptResult::duration).reduce(Duration.ZERO, Duration::plus);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<testsuite name=\"" + XmlEscaper.attribute(suiteName) + "\""
                + " time=\"" + seconds(time) + "\""
                + " tests=\"" + scripts.size() + "\""
                + " errors=\"" + count(scripts, Outcome.ERROR) + "\""
                + " skipped=\"" + (count(scripts, Outcome.SKIPPED) + count(scripts, Outcome.EXPECTED_FAILURE)) + "\""
                + " failures=\"" + count(scripts, Outcome.FAILED) + "\""
                + " timestamp=\"" + TIMESTAMP.format(run.startedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)) + "\""
                + " hostname=\"" + XmlEscaper.attribute(run.environment().hostName()) + "\">\n");
        writeProperties(run, w);
        for (ScriptResult script : scripts) {
            new TestCaseXml(script, suiteName).write(w);
        }
        w.write("</testsuite>\n");
        w.flush();
    }

    private static void writeProperties(RunResult run, Writer w) throws IOException {
        var properties = new LinkedHashMap<String, String>();
        properties.put("maildrill.runId", run.runId());
        properties.put("maildrill.version", run.toolVersion());
        properties.put("maildrill.target", run.target().description());
        properties.put("maildrill.endpoints", String.join(" ", run.target().endpoints()));
        for (int i = 0; i < run.target().facts().size(); i++) {
            properties.put("maildrill.fact." + (i + 1), run.target().facts().get(i));
        }
        properties.put("java.version", run.environment().javaVersion());
        properties.put("os.name", run.environment().os());
        properties.put("host.cores", Integer.toString(run.environment().hostCores()));
        w.write("  <properties>\n");
        for (Map.Entry<String, String> property : properties.entrySet()) {
            w.write("    <property name=\"" + XmlEscaper.attribute(property.getKey()) + "\" value=\""
                    + XmlEscaper.attribute(property.getValue()) + "\"/>\n");
        }
        w.write("  </properties>\n");
    }

    private static long count(List<ScriptResult> scripts, Outcome outcome) {
        return scripts.stream().filter(s -> s.outcome() == outcome).count();
    }

    /** Seconds with millisecond precision and a dot, as Surefire writes them ("0.012"). */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }
}
