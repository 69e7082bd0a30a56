package io.maildrill.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maildrill.report.model.BenchmarkResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JMH's JSON result file ({@code -rf json}) into {@link BenchmarkResult}s for reports.
 *
 * <p>Units are normalised so runs compare: rates to per second, times to milliseconds. The workload
 * name is the benchmark method's name (maildrill and Jakarta Mail benchmarks share names). For a
 * throughput result whose benchmark counts {@code messages} (an {@code @AuxCounters} rate), the
 * score becomes messages per second ("msgs/s") and the raw operation rate moves to the secondary
 * metric "ops/s". The thread count is added as the parameter {@code threads}. Single-shot provisioning
 * results ({@code provision*}) get a "msgs/s" secondary metric: mailboxSize messages per operation.
 */
public final class JmhResults {

    /** Percentiles kept from sample-mode results, in JMH's keys, and their labels. */
    private static final Map<String, String> PERCENTILES = Map.of(
            "50.0", "p0.50", "90.0", "p0.90", "99.0", "p0.99", "99.9", "p0.999", "100.0", "p1.00");
    private static final List<String> PERCENTILE_ORDER = List.of("50.0", "90.0", "99.0", "99.9", "100.0");

    private JmhResults() {
    }

    public static List<BenchmarkResult> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException(file + ": not a JMH JSON result file (expected a JSON array)");
        }
        List<BenchmarkResult> results = new ArrayList<>();
        for (JsonNode node : root) {
            results.add(convert(node));
        }
        return results;
    }

    static BenchmarkResult convert(JsonNode node) throws IOException {
        String benchmark = text(node, "benchmark");
        String mode = text(node, "mode");
        Map<String, String> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asText());
        }
        params.put("threads", Integer.toString(node.path("threads").asInt(1)));
        JsonNode primary = node.path("primaryMetric");
        Scaled score = Scaled.of(primary.path("score").asDouble(Double.NaN), primary.path("scoreError").asDouble(Double.NaN),
                text(primary, "scoreUnit"));
        Map<String, Double> secondary = new LinkedHashMap<>();
        Scaled messages = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("secondaryMetrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("·") || e.getKey().matches("p\\d.*")) {
                continue; // profiler output (gc, stack) and sample-mode percentile copies: not rates
            }
            Scaled value = Scaled.of(e.getValue().path("score").asDouble(Double.NaN),
                    e.getValue().path("scoreError").asDouble(Double.NaN), e.getValue().path("scoreUnit").asText("ops/s"));
            if (!Double.isFinite(value.score())) {
                continue;
            }
            if (e.getKey().equals("messages")) {
                messages = value;
            }
            secondary.put(e.getKey() + "/s", value.score());
        }
        Map<String, Double> percentiles = new LinkedHashMap<>();
        JsonNode raw = primary.path("scorePercentiles");
        for (String key : PERCENTILE_ORDER) {
            if (mode.equals("sample") && raw.has(key)) {
                percentiles.put(PERCENTILES.get(key), Scaled.of(raw.get(key).asDouble(), 0, text(primary, "scoreUnit")).score());
            }
        }
        if (mode.equals("thrpt") && messages != null && messages.score() > 0) {
            secondary.remove("messages/s");
            secondary.put("ops/s", score.score());
            score = new Scaled(messages.score(), messages.error(), "msgs/s");
        }
        String size = params.get(BenchmarkResult.MAILBOX_SIZE_PARAM);
        if (mode.equals("ss") && benchmark.contains(".provision") && size != null && score.score() > 0) {
            // JMH has no counters in single-shot mode: one operation stores mailboxSize messages.
            secondary.put("msgs/s", Double.parseDouble(size) / (score.score() / 1000));
        }
        if (!Double.isFinite(score.score())) {
            throw new IOException(benchmark + " (" + mode + "): no score");
        }
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        return new BenchmarkResult(benchmark, method, params, mode, score.score(), score.error(), score.unit(), secondary,
                percentiles);
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("JMH result without " + field + ": " + node);
        }
        return value.asText();
    }

    /** A score in normalised units: rates per second, times in milliseconds. */
    record Scaled(double score, double error, String unit) {

        static Scaled of(double score, double error, String unit) {
            String u = unit.toLowerCase(Locale.ROOT);
            int slash = u.indexOf('/');
            if (slash < 0) {
                return new Scaled(score, error, unit);
            }
            String top = u.substring(0, slash);
            String bottom = u.substring(slash + 1);
            if (bottom.equals("op") && seconds(top) > 0) {
                double f = seconds(top) * 1000;
                return new Scaled(score * f, error * f, "ms/op");
            }
            if (seconds(bottom) > 0) {
                double f = 1 / seconds(bottom);
                return new Scaled(score * f, error * f, top + "/s");
            }
            return new Scaled(score, error, unit);
        }

        private static double seconds(String unit) {
            return switch (unit) {
                case "s" -> 1;
                case "ms" -> 1e-3;
                case "us" -> 1e-6;
                case "ns" -> 1e-9;
                case "min" -> 60;
                default -> -1;
            };
        }
    }
}
