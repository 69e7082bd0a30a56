package io.maildrill.run.match;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Script-wide variables (captures, {@code set}, {@code content}). A match works on a
 * {@link #tentative()} copy and {@link #commit}s it only when its whole line matched, so a line
 * that does not match binds nothing.
 */
public final class Bindings {

    private final Map<String, Value> values;

    public Bindings() {
        this(new HashMap<>());
    }

    private Bindings(Map<String, Value> values) {
        this.values = values;
    }

    public Optional<Value> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public void bind(String name, Value value) {
        values.put(name, value);
    }

    public Bindings tentative() {
        return new Bindings(new HashMap<>(values));
    }

    public void commit(Bindings tentative) {
        values.clear();
        values.putAll(tentative.values);
    }
}
