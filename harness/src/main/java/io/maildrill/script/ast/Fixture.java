package io.maildrill.script.ast;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code @fixture} line: the corpus the mailbox is loaded with before the script runs.
 * {@code text} is the line as written (e.g. {@code messages=20 shapes=plain,dot-lines profile=tiny seed=7});
 * {@code parameters} holds its {@code key=value} pairs in written order. The parser checks the
 * corpus keys with {@code CorpusFixture.parse}, so a bad shape or profile is a parse error.
 */
public record Fixture(int line, String text, Map<String, String> parameters) implements Located {
    public Fixture {
        Located.requireLine(line);
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** Number of corpus messages loaded ({@code messages=}, default 0). */
    public int messageCount() {
        return Integer.parseInt(parameters.getOrDefault("messages", "0"));
    }

    /** Mailbox the corpus goes to ({@code mailbox=}, default {@code INBOX}). */
    public String mailbox() {
        return parameters.getOrDefault("mailbox", "INBOX");
    }

    /** The corpus part of the line ({@code mailbox=} removed), in the form {@code CorpusFixture.parse} reads. */
    public String corpusText() {
        return parameters.entrySet().stream()
                .filter(e -> !e.getKey().equals("mailbox"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    public Optional<String> parameter(String key) {
        return Optional.ofNullable(parameters.get(key));
    }
}
