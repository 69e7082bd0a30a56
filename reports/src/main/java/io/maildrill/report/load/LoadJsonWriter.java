package io.maildrill.report.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** Writes and reads {@code load.json}: the {@link LoadReport}, field by field. */
public final class LoadJsonWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private LoadJsonWriter() {
    }

    public static void write(LoadReport report, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), report);
    }

    public static LoadReport read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), LoadReport.class);
    }
}
