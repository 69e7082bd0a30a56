package io.maildrill.report.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Argument checks shared by the model's compact constructors; messages name the offending field. */
final class Checks {

    private Checks() {
    }

    static String text(String value, String field) {
        return Objects.requireNonNull(value, field);
    }

    static String nonBlank(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        return value;
    }

    static <T> List<T> list(List<T> value, String field) {
        Objects.requireNonNull(value, field);
        for (T element : value) {
            Objects.requireNonNull(element, () -> field + ": contains null");
        }
        return List.copyOf(value);
    }

    static int positive(int value, String field) {
        if (value < 1) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: >= 1)");
        }
        return value;
    }

    /** Copies preserving insertion order (reports show sessions and params in the order given). */
    static <K, V> Map<K, V> orderedMap(Map<K, V> value, String field) {
        Objects.requireNonNull(value, field);
        var copy = new java.util.LinkedHashMap<K, V>();
        value.forEach((k, v) -> copy.put(
                Objects.requireNonNull(k, () -> field + ": null key"),
                Objects.requireNonNull(v, () -> field + ": null value for " + k)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
