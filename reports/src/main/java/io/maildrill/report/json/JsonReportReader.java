package io.maildrill.report.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maildrill.report.model.RunResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a run written by {@link JsonReportWriter} back into the model (for {@code maildrill report}, which
 * renders HTML or Markdown from a saved run). Unknown fields are ignored so newer minor additions stay
 * readable; a different {@code schemaVersion} or a malformed field throws {@link ReportFormatException}.
 */
public final class JsonReportReader {

    private final ObjectMapper mapper = new ObjectMapper().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    public RunResult read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** Reads one run from {@code in}, which is not closed. */
    public RunResult read(InputStream in) throws IOException {
        JsonNode root = mapper.readTree(in);
        if (root == null || !root.isObject()) {
            throw new ReportFormatException("$: expected a JSON object");
        }
        return new RunResultJsonDecoder().decode(root);
    }
}
