package io.maildrill.report.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maildrill.report.SampleRuns;
import io.maildrill.report.model.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReportWriterTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final RunResult run = SampleRuns.all();

    @Test
    void roundTripsEveryFieldIncludingHostileText(@TempDir Path dir) throws Exception {
        Path file = new JsonReportWriter().write(run, dir);

        RunResult back = new JsonReportReader().read(file);

        assertThat(back).isEqualTo(run);
        assertThat(back.scripts().get(7).failure().orElseThrow().actual()).isEqualTo(SampleRuns.HOSTILE);
    }

    @Test
    void writesSchemaVersionDerivedSummaryAndIsoTimes() throws Exception {
        JsonNode root = mapper.readTree(json(run));

        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("startedAt").asText()).isEqualTo("2025-03-01T10:15:30.250Z");
        assertThat(root.get("durationMillis").decimalValue()).isEqualByComparingTo("4321");
        assertThat(root.get("summary").get("outcomes").get("FAILED").asInt()).isEqualTo(2);
        assertThat(root.get("summary").get("hasNewFailures").asBoolean()).isTrue();
        JsonNode passed = root.get("scripts").get(0);
        assertThat(passed.has("failure")).as("absent optional is omitted").isFalse();
        assertThat(passed.has("reason")).isFalse();
    }

    @Test
    void outputHasEveryFieldTheSchemaRequiresAndOnlyEnumValuesItAllows() throws Exception {
        JsonNode schema;
        try (InputStream in = JsonReportWriter.class.getResourceAsStream(JsonReportWriter.SCHEMA_RESOURCE)) {
            assertThat(in).as("schema resource on the classpath").isNotNull();
            schema = mapper.readTree(in);
        }
        JsonNode root = mapper.readTree(json(run));
        JsonNode defs = schema.get("$defs");

        assertHasRequired(root, schema, "$");
        assertThat(schema.at("/properties/schemaVersion/const").asInt()).isEqualTo(root.get("schemaVersion").asInt());
        for (JsonNode script : root.get("scripts")) {
            assertHasRequired(script, defs.get("script"), script.get("scriptId").asText());
            assertThat(enumValues(defs.at("/outcome/enum"))).contains(script.get("outcome").asText());
            assertThat(enumValues(defs.at("/script/properties/level/enum"))).contains(script.get("level").asText());
            for (JsonNode step : script.get("steps")) {
                assertHasRequired(step, defs.get("step"), "step");
                assertThat(enumValues(defs.at("/step/properties/outcome/enum"))).contains(step.get("outcome").asText());
            }
            if (script.has("failure")) {
                assertHasRequired(script.get("failure"), defs.get("failure"), "failure");
            }
        }
    }

    @Test
    void rejectsAnotherSchemaVersionNamingThePath() {
        String text = json(run).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2");

        assertThatThrownBy(() -> new JsonReportReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("$.schemaVersion: 2 (expected: 1)");
    }

    @Test
    void rejectsAMissingFieldNamingThePath() {
        String text = json(run).replaceFirst("\"promise\" : \"deletion\",", "");

        assertThatThrownBy(() -> new JsonReportReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("$.scripts[0].promise: missing");
    }

    private static void assertHasRequired(JsonNode node, JsonNode schema, String where) {
        for (JsonNode required : schema.get("required")) {
            assertThat(node.has(required.asText())).as(where + " has " + required.asText()).isTrue();
        }
    }

    private static List<String> enumValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        assertThat(values).isNotEmpty();
        return values;
    }

    private static String json(RunResult run) {
        var out = new ByteArrayOutputStream();
        try {
            new JsonReportWriter().write(run, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
