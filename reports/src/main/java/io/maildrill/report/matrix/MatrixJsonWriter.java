package io.maildrill.report.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maildrill.report.matrix.ConformanceMatrix.Row;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.OutcomeCounts;
import io.maildrill.report.model.ScriptResult;
import java.util.List;
import java.util.Optional;

/** The matrix as JSON: servers with their counts, and one object per script with a cell per server. */
public final class MatrixJsonWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MatrixJsonWriter() {
    }

    private static void performance(ServerPerformance p, ObjectNode node) {
        node.put("mailboxSize", p.mailboxSize());
        node.put("report", p.reportLink());
        p.problem().ifPresent(problem -> node.put("problem", problem));
        ArrayNode figures = node.putArray("figures");
        for (ServerPerformance.Figure f : p.figures()) {
            ObjectNode figure = figures.addObject();
            figure.put("measure", f.measure());
            figure.put("unit", f.unit());
            figure.put("higherIsBetter", f.higherIsBetter());
            if (f.value().isPresent()) {
                figure.put("value", f.value().getAsDouble());
            } else {
                figure.putNull("value");
                f.whyNone().ifPresent(why -> figure.put("whyNone", why));
            }
        }
    }

    public static String write(ConformanceMatrix matrix) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("generatedAt", matrix.generatedAt().toString());
        ArrayNode servers = root.putArray("servers");
        List<Row> all = matrix.allRows();
        for (ServerColumn server : matrix.servers()) {
            ObjectNode node = servers.addObject();
            node.put("name", server.name());
            node.put("version", server.version());
            server.problem().ifPresent(p -> node.put("problem", p));
            server.run().ifPresent(run -> {
                node.put("report", server.reportLink());
                node.put("description", run.target().description());
                ObjectNode counts = node.putObject("counts");
                OutcomeCounts c = ConformanceMatrix.counts(all, server.name());
                for (Outcome outcome : Outcome.values()) {
                    counts.put(outcome.label(), c.count(outcome));
                }
            });
            server.performance().ifPresent(p -> performance(p, node.putObject("performance")));
        }
        ArrayNode rows = root.putArray("scripts");
        for (Row row : all) {
            ObjectNode node = rows.addObject();
            node.put("scriptId", row.scriptId());
            node.put("title", row.title());
            node.put("promise", row.promise());
            node.put("level", row.level());
            ArrayNode ids = node.putArray("catalogIds");
            row.catalogIds().forEach(ids::add);
            ObjectNode cells = node.putObject("cells");
            for (ServerColumn server : matrix.servers()) {
                Optional<ScriptResult> cell = row.cell(server.name());
                if (cell.isEmpty()) {
                    cells.putNull(server.name());
                    continue;
                }
                ObjectNode c = cells.putObject(server.name());
                c.put("outcome", cell.get().outcome().label());
                cell.get().reason().ifPresent(r -> c.put("reason", r));
                cell.get().failure().ifPresent(f -> c.put("failure", f.location() + ": " + f.summary()));
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("matrix JSON", e);
        }
    }
}
