package io.maildrill.report.junit;

import io.maildrill.report.model.Failure;
import io.maildrill.report.model.ScriptResult;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** Renders one script as a Surefire {@code <testcase>} element. */
final class TestCaseXml {

    private final ScriptResult script;
    private final String className;

    TestCaseXml(ScriptResult script, String className) {
        this.script = script;
        this.className = className;
    }

    void write(Writer w) throws IOException {
        w.write("  <testcase name=\"" + XmlEscaper.attribute(script.fileName()) + "\" classname=\""
                + XmlEscaper.attribute(className) + "\" time=\"" + JUnitXmlWriter.seconds(script.duration()) + "\">\n");
        String reason = script.reason().orElse("");
        switch (script.outcome()) {
            case FAILED -> problem(w, "failure", JUnitXmlWriter.FAILURE_TYPE);
            case ERROR -> problem(w, "error", JUnitXmlWriter.ERROR_TYPE);
            case SKIPPED -> w.write("    <skipped message=\"" + XmlEscaper.attribute(reason) + "\"/>\n");
            case EXPECTED_FAILURE -> w.write("    <skipped message=\""
                    + XmlEscaper.attribute("expected failure: " + reason) + "\"/>\n");
            case PASSED, FIXED -> { }
        }
        w.write("    <system-out>" + XmlEscaper.text(systemOut()) + "</system-out>\n");
        w.write("  </testcase>\n");
    }

    private void problem(Writer w, String element, String type) throws IOException {
        String message = script.failure()
                .map(f -> f.location() + ": " + f.summary())
                .orElse(script.reason().orElse(""));
        String body = script.failure().map(Failure::describe).orElse(message);
        w.write("    <" + element + " message=\"" + XmlEscaper.attribute(message) + "\" type=\"" + type + "\">"
                + XmlEscaper.text(body) + "</" + element + ">\n");
    }

    private String systemOut() {
        StringBuilder out = new StringBuilder();
        out.append(script.title()).append('\n');
        out.append("script: ").append(script.scriptId())
                .append(" | level: ").append(script.level().label())
                .append(" | promise: ").append(script.promise())
                .append(" | protocols: ").append(script.protocols())
                .append(" | catalog: ").append(String.join(" ", script.catalogIds())).append('\n');
        switch (script.outcome()) {
            case FIXED -> out.append("FIXED: listed as a known failure")
                    .append(script.reason().map(r -> " (" + r + ")").orElse(""))
                    .append(" but passed; remove it from the expectations file.\n");
            case ERROR -> script.reason().ifPresent(r -> out.append("error: ").append(r).append('\n'));
            default -> { }
        }
        for (Map.Entry<String, List<String>> session : script.transcripts().entrySet()) {
            out.append("--- session ").append(session.getKey()).append(" ---\n");
            session.getValue().forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }
}
