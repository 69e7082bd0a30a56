package io.maildrill.report.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.maildrill.report.model.EnvironmentInfo;
import io.maildrill.report.model.Failure;
import io.maildrill.report.model.Level;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.Protocol;
import io.maildrill.report.model.RunResult;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.report.model.StepOutcome;
import io.maildrill.report.model.StepResult;
import io.maildrill.report.model.TargetDescription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes the tree written by {@link RunResultJson}. A missing or mistyped field fails with
 * {@link ReportFormatException} naming its JSON path; the records then validate the values.
 */
final class RunResultJsonDecoder {

    RunResult decode(JsonNode root) {
        int version = field(root, "schemaVersion", "$").asInt(-1);
        if (version != RunResultJson.SCHEMA_VERSION) {
            throw new ReportFormatException("$.schemaVersion: " + field(root, "schemaVersion", "$")
                    + " (expected: " + RunResultJson.SCHEMA_VERSION + ")");
        }
        JsonNode target = field(root, "target", "$");
        JsonNode environment = field(root, "environment", "$");
        List<ScriptResult> scripts = new ArrayList<>();
        JsonNode scriptNodes = array(root, "scripts", "$");
        for (int i = 0; i < scriptNodes.size(); i++) {
            scripts.add(script(scriptNodes.get(i), "$.scripts[" + i + "]"));
        }
        try {
            return new RunResult(text(root, "runId", "$"), text(root, "toolVersion", "$"),
                    Instant.parse(text(root, "startedAt", "$")), Instant.parse(text(root, "finishedAt", "$")),
                    new TargetDescription(text(target, "description", "$.target"), strings(target, "endpoints", "$.target"),
                            target.has("facts") ? strings(target, "facts", "$.target") : List.of()),
                    scripts,
                    new EnvironmentInfo(text(environment, "javaVersion", "$.environment"), text(environment, "os", "$.environment"),
                            field(environment, "hostCores", "$.environment").asInt(), text(environment, "hostName", "$.environment")));
        } catch (RuntimeException e) {
            throw wrap("$", e);
        }
    }

    private ScriptResult script(JsonNode node, String path) {
        List<StepResult> steps = new ArrayList<>();
        JsonNode stepNodes = array(node, "steps", path);
        for (int i = 0; i < stepNodes.size(); i++) {
            steps.add(step(stepNodes.get(i), path + ".steps[" + i + "]"));
        }
        Map<String, List<String>> transcripts = new LinkedHashMap<>();
        JsonNode transcriptNode = field(node, "transcripts", path);
        transcriptNode.fieldNames().forEachRemaining(session ->
                transcripts.put(session, strings(transcriptNode, session, path + ".transcripts")));
        try {
            return new ScriptResult(text(node, "scriptId", path), text(node, "title", path), strings(node, "catalogIds", path),
                    Level.valueOf(text(node, "level", path)),
                    strings(node, "protocols", path).stream().map(Protocol::valueOf).toList(),
                    text(node, "promise", path), Outcome.valueOf(text(node, "outcome", path)),
                    Optional.ofNullable(node.get("reason")).map(JsonNode::asText),
                    RunResultJson.duration(field(node, "durationMillis", path)), steps,
                    Optional.ofNullable(node.get("failure")).map(f -> failure(f, path + ".failure")), transcripts);
        } catch (RuntimeException e) {
            throw wrap(path, e);
        }
    }

    private StepResult step(JsonNode node, String path) {
        try {
            return new StepResult(field(node, "line", path).asInt(), text(node, "session", path), text(node, "command", path),
                    StepOutcome.valueOf(text(node, "outcome", path)),
                    RunResultJson.duration(field(node, "durationMillis", path)), text(node, "message", path));
        } catch (RuntimeException e) {
            throw wrap(path, e);
        }
    }

    private Failure failure(JsonNode node, String path) {
        try {
            return new Failure(text(node, "scriptPath", path), field(node, "line", path).asInt(), text(node, "session", path),
                    text(node, "commandSent", path), text(node, "expected", path), text(node, "actual", path),
                    strings(node, "lastTranscriptLines", path), strings(node, "catalogIds", path));
        } catch (RuntimeException e) {
            throw wrap(path, e);
        }
    }

    private static ReportFormatException wrap(String path, RuntimeException e) {
        return e instanceof ReportFormatException format ? format : new ReportFormatException(path + ": " + e.getMessage(), e);
    }

    private static JsonNode field(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new ReportFormatException(path + "." + name + ": missing");
        }
        return value;
    }

    private static String text(JsonNode node, String name, String path) {
        JsonNode value = field(node, name, path);
        if (!value.isTextual()) {
            throw new ReportFormatException(path + "." + name + ": " + value.getNodeType() + " (expected: string)");
        }
        return value.asText();
    }

    private static JsonNode array(JsonNode node, String name, String path) {
        JsonNode value = field(node, name, path);
        if (!value.isArray()) {
            throw new ReportFormatException(path + "." + name + ": " + value.getNodeType() + " (expected: array)");
        }
        return value;
    }

    private static List<String> strings(JsonNode node, String name, String path) {
        JsonNode array = array(node, name, path);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(text(array, i, path + "." + name));
        }
        return out;
    }

    private static String text(JsonNode array, int index, String path) {
        JsonNode value = array.get(index);
        if (!value.isTextual()) {
            throw new ReportFormatException(path + "[" + index + "]: " + value.getNodeType() + " (expected: string)");
        }
        return value.asText();
    }
}
