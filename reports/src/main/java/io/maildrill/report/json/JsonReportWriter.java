package io.maildrill.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.maildrill.report.model.RunResult;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run as pretty-printed UTF-8 JSON with {@code "schemaVersion": 1}, in the format documented by
 * {@link #SCHEMA_RESOURCE}. Strings are written as given: JSON escapes control characters itself.
 */
public final class JsonReportWriter {

    /** Classpath location of the JSON Schema (draft 2020-12) describing the output. */
    public static final String SCHEMA_RESOURCE = "/io/maildrill/report/json/run-result.schema.json";
    /** File name used by {@link #write(RunResult, Path)}. */
    public static final String FILE_NAME = "maildrill-run.json";
    /** The {@code schemaVersion} this writer produces. */
    public static final int SCHEMA_VERSION = RunResultJson.SCHEMA_VERSION;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** Writes {@value #FILE_NAME} into {@code directory} (created if missing) and returns the file. */
    public Path write(RunResult run, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        try (OutputStream out = Files.newOutputStream(file)) {
            write(run, out);
        }
        return file;
    }

    /** Writes the run to {@code out}, which is flushed but not closed. */
    public void write(RunResult run, OutputStream out) throws IOException {
        mapper.writeValue(out, new RunResultJson(mapper).encode(run));
        out.flush();
    }
}
