package io.maildrill.report.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maildrill.report.model.EnvironmentInfo;
import io.maildrill.report.model.Failure;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.OutcomeCounts;
import io.maildrill.report.model.RunResult;
import io.maildrill.report.model.RunSummary;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.report.model.StepResult;
import io.maildrill.report.model.TargetDescription;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Encodes a run as a Jackson tree in the documented format. Instants are ISO-8601 UTC strings, durations are
 * {@code durationMillis} decimals with nanosecond precision, absent optionals are omitted, enums use their
 * constant names. {@code durationMillis} of the run and {@code summary} are derived and ignored on reading.
 */
final class RunResultJson {

    /** Version of the format this class writes; bump it on any incompatible change. */
    static final int SCHEMA_VERSION = 1;

    private final ObjectMapper mapper;

    RunResultJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode encode(RunResult run) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("runId", run.runId());
        root.put("toolVersion", run.toolVersion());
        root.put("startedAt", run.startedAt().toString());
        root.put("finishedAt", run.finishedAt().toString());
        root.put("durationMillis", millis(run.duration()));
        root.set("target", target(run.target()));
        root.set("environment", environment(run.environment()));
        root.set("summary", summary(run.summary()));
        ArrayNode scripts = root.putArray("scripts");
        run.scripts().forEach(script -> scripts.add(script(script)));
        return root;
    }

    private ObjectNode target(TargetDescription target) {
        ObjectNode node = mapper.createObjectNode();
        node.put("description", target.description());
        strings(node.putArray("endpoints"), target.endpoints());
        strings(node.putArray("facts"), target.facts());
        return node;
    }

    private ObjectNode environment(EnvironmentInfo environment) {
        ObjectNode node = mapper.createObjectNode();
        node.put("javaVersion", environment.javaVersion());
        node.put("os", environment.os());
        node.put("hostCores", environment.hostCores());
        node.put("hostName", environment.hostName());
        return node;
    }

    private ObjectNode summary(RunSummary summary) {
        ObjectNode node = mapper.createObjectNode();
        node.put("total", summary.total().total());
        node.set("outcomes", counts(summary.total()));
        node.put("hasNewFailures", summary.hasNewFailures());
        return node;
    }

    private ObjectNode counts(OutcomeCounts counts) {
        ObjectNode node = mapper.createObjectNode();
        for (Outcome outcome : Outcome.values()) {
            node.put(outcome.name(), counts.count(outcome));
        }
        return node;
    }

    private ObjectNode script(ScriptResult script) {
        ObjectNode node = mapper.createObjectNode();
        node.put("scriptId", script.scriptId());
        node.put("title", script.title());
        strings(node.putArray("catalogIds"), script.catalogIds());
        node.put("level", script.level().name());
        strings(node.putArray("protocols"), script.protocols().stream().map(Enum::name).toList());
        node.put("promise", script.promise());
        node.put("outcome", script.outcome().name());
        script.reason().ifPresent(reason -> node.put("reason", reason));
        node.put("durationMillis", millis(script.duration()));
        ArrayNode steps = node.putArray("steps");
        script.steps().forEach(step -> steps.add(step(step)));
        script.failure().ifPresent(failure -> node.set("failure", failure(failure)));
        ObjectNode transcripts = node.putObject("transcripts");
        for (Map.Entry<String, List<String>> session : script.transcripts().entrySet()) {
            strings(transcripts.putArray(session.getKey()), session.getValue());
        }
        return node;
    }

    private ObjectNode step(StepResult step) {
        ObjectNode node = mapper.createObjectNode();
        node.put("line", step.line());
        node.put("session", step.session());
        node.put("command", step.command());
        node.put("outcome", step.outcome().name());
        node.put("durationMillis", millis(step.duration()));
        node.put("message", step.message());
        return node;
    }

    private ObjectNode failure(Failure failure) {
        ObjectNode node = mapper.createObjectNode();
        node.put("scriptPath", failure.scriptPath());
        node.put("line", failure.line());
        node.put("session", failure.session());
        node.put("commandSent", failure.commandSent());
        node.put("expected", failure.expected());
        node.put("actual", failure.actual());
        strings(node.putArray("lastTranscriptLines"), failure.lastTranscriptLines());
        strings(node.putArray("catalogIds"), failure.catalogIds());
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** Milliseconds with up to six decimals, so nanoseconds survive a round trip exactly. */
    static BigDecimal millis(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 6).stripTrailingZeros();
    }

    static Duration duration(JsonNode millis) {
        return Duration.ofNanos(millis.decimalValue().movePointRight(6).longValueExact());
    }
}
