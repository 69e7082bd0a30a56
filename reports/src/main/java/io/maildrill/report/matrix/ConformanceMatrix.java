package io.maildrill.report.matrix;

import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.OutcomeCounts;
import io.maildrill.report.model.ScriptResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Servers side by side: one row per script (grouped by promise, with its level and catalog IDs),
 * one column per server, each cell that server's graded result for the script, or nothing when
 * the script was not part of its run (a protocol the server does not have). Writers render it;
 * this class only arranges.
 */
public record ConformanceMatrix(Instant generatedAt, List<ServerColumn> servers) {

    /** One script's row. The script facts come from the first server that ran it. */
    public record Row(String scriptId, String title, String promise, String level, List<String> catalogIds,
                      Map<String, Optional<ScriptResult>> cells) {

        public Optional<ScriptResult> cell(String server) {
            return cells.getOrDefault(server, Optional.empty());
        }
    }

    public ConformanceMatrix {
        servers = List.copyOf(servers);
    }

    /** Rows by promise (promises and scripts in name order), every server's cell in each. */
    public Map<String, List<Row>> rowsByPromise() {
        Map<String, ScriptResult> first = new TreeMap<>();
        Map<String, Map<String, ScriptResult>> byServer = new LinkedHashMap<>();
        for (ServerColumn server : servers) {
            Map<String, ScriptResult> results = new LinkedHashMap<>();
            server.run().ifPresent(run -> run.scripts().forEach(s -> {
                first.putIfAbsent(s.scriptId(), s);
                results.put(s.scriptId(), s);
            }));
            byServer.put(server.name(), results);
        }
        Map<String, List<Row>> byPromise = new TreeMap<>();
        for (ScriptResult facts : first.values()) {
            Map<String, Optional<ScriptResult>> cells = new LinkedHashMap<>();
            for (ServerColumn server : servers) {
                cells.put(server.name(), Optional.ofNullable(byServer.get(server.name()).get(facts.scriptId())));
            }
            byPromise.computeIfAbsent(facts.promise(), p -> new ArrayList<>()).add(new Row(facts.scriptId(), facts.title(),
                    facts.promise(), facts.level().label(), facts.catalogIds(), cells));
        }
        byPromise.values().forEach(rows -> rows.sort(Comparator.comparing(Row::scriptId)));
        return byPromise;
    }

    /** One server's counts over the rows of one promise (or all rows). */
    public static OutcomeCounts counts(List<Row> rows, String server) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Row row : rows) {
            row.cell(server).ifPresent(s -> outcomes.add(s.outcome()));
        }
        return OutcomeCounts.of(outcomes);
    }

    /** "pass / deviation / new failure or error / skip", or — when the server ran none of them. */
    public static String countsText(OutcomeCounts c) {
        if (c.total() == 0) {
            return "—";
        }
        return c.passes() + " / " + c.count(Outcome.EXPECTED_FAILURE) + " / " + c.newFailures() + " / " + c.count(Outcome.SKIPPED);
    }

    /** The benchmark measures any server has, in the order the first server lists them; empty without --bench. */
    public List<String> performanceMeasures() {
        List<String> measures = new ArrayList<>();
        for (ServerColumn server : servers) {
            server.performance().ifPresent(p -> p.figures().forEach(f -> {
                if (!measures.contains(f.measure())) {
                    measures.add(f.measure());
                }
            }));
        }
        return measures;
    }

    /** Whether any server has benchmark figures or a benchmark problem to show. */
    public boolean hasPerformance() {
        return servers.stream().anyMatch(s -> s.performance().isPresent());
    }

    /** What the performance table is, for its heading: the run's size and how to read the figures. */
    public static String performanceCaption(ConformanceMatrix matrix) {
        int size = matrix.servers().stream().flatMap(s -> s.performance().stream()).mapToInt(ServerPerformance::mailboxSize)
                .max().orElse(0);
        return "Performance (--bench): a quick benchmark run per server, " + String.format(java.util.Locale.ROOT, "%,d", size)
                + " messages, maildrill's client, one server at a time with client and server on the same machine. "
                + "Indicative; compare servers within one run, not across machines. Rates: higher is better; latencies: lower.";
    }

    /** What one server's cell of a performance row says: the figure, why there is none, or —. */
    public static String performanceCell(ServerColumn server, String measure) {
        if (server.performance().isEmpty()) {
            return "—";
        }
        ServerPerformance p = server.performance().get();
        return p.figure(measure).map(ServerPerformance.Figure::text)
                .orElseGet(() -> p.problem().map(problem -> "not run").orElse("—"));
    }

    /** Every row, in promise order. */
    public List<Row> allRows() {
        List<Row> all = new ArrayList<>();
        rowsByPromise().values().forEach(all::addAll);
        return all;
    }

    /** The short text of a cell: what a reader of the table needs to see at a glance. */
    public static String cellLabel(Optional<ScriptResult> cell) {
        if (cell.isEmpty()) {
            return "—";
        }
        return switch (cell.get().outcome()) {
            case PASSED -> "pass";
            case FIXED -> "pass (fixed)";
            case FAILED -> "FAIL";
            case ERROR -> "ERROR";
            case SKIPPED -> "skip";
            case EXPECTED_FAILURE -> "deviation";
        };
    }

    /** The anchor of a script in a server's own HTML report. */
    public static String anchor(String scriptId) {
        return "s-" + scriptId.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
