package io.maildrill.report.matrix;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One server's figures from the quick benchmark run of {@code matrix --bench}: what people choose
 * servers by (headers-only listing, APPEND, POP3 download, IDLE latency), measured by maildrill's
 * own client against that server alone.
 *
 * @param mailboxSize messages in the benchmark mailbox
 * @param figures     in display order; a figure without a value is a benchmark that produced none
 * @param reportLink  the server's benchmark report, relative to the matrix files
 * @param problem     why no benchmark ran at all
 */
public record ServerPerformance(int mailboxSize, List<Figure> figures, String reportLink, Optional<String> problem) {

    /**
     * @param measure        what was measured, e.g. "headers-only listing (FETCH 1:* BODY.PEEK[HEADER])"
     * @param unit           "msgs/s", "ms"
     * @param higherIsBetter true for rates, false for latencies
     * @param value          the figure, empty when the benchmark threw
     * @param whyNone        without a value: what the benchmark threw (a timeout, a refusal), when known
     */
    public record Figure(String measure, String unit, boolean higherIsBetter, OptionalDouble value, Optional<String> whyNone) {

        public Figure {
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(whyNone, "whyNone");
        }

        public static Figure of(String measure, String unit, boolean higherIsBetter, double value) {
            return new Figure(measure, unit, higherIsBetter, OptionalDouble.of(value), Optional.empty());
        }

        public static Figure none(String measure, String unit, boolean higherIsBetter, Optional<String> why) {
            return new Figure(measure, unit, higherIsBetter, OptionalDouble.empty(), why);
        }

        /** "35,273 msgs/s", "0.51 ms"; "no result" without a value. */
        public String text() {
            if (value.isEmpty()) {
                return "no result";
            }
            double v = value.getAsDouble();
            String number = v >= 100 ? String.format(Locale.ROOT, "%,.0f", v)
                    : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
            return number + " " + unit;
        }
    }

    public ServerPerformance {
        figures = List.copyOf(figures);
        Objects.requireNonNull(reportLink, "reportLink");
        Objects.requireNonNull(problem, "problem");
    }

    public static ServerPerformance failed(int mailboxSize, String reportLink, String problem) {
        return new ServerPerformance(mailboxSize, List.of(), reportLink, Optional.of(problem));
    }

    /** The figure of {@code measure}, when this server has one of that name. */
    public Optional<Figure> figure(String measure) {
        return figures.stream().filter(f -> f.measure().equals(measure)).findFirst();
    }
}
