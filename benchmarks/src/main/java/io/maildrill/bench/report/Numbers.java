package io.maildrill.bench.report;

import java.util.Locale;

/** Number formatting shared by the tables: thousands separated, three significant digits below 100. */
final class Numbers {

    private Numbers() {
    }

    static String format(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : "%.3g", value);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }
}
