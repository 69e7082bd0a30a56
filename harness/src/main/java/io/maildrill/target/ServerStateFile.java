package io.maildrill.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code target.env} that {@code servers/<name>/start} writes into its state directory
 * ({@code $MAILDRILL_<NAME>_DIR}, else {@code $MAILDRILL_SERVERS_DIR/<name>}, else
 * {@code /tmp/maildrill-servers/<name>}): {@code KEY=value} lines describing the running server.
 * It holds no password; the test password comes from the environment, as the start scripts take it.
 */
public final class ServerStateFile {

    static final String DEFAULT_SERVERS_DIR = "/tmp/maildrill-servers";

    private final String name;
    private final Path file;

    private ServerStateFile(String name, Path file) {
        this.name = name;
        this.file = file;
    }

    /** Where the state file of server {@code name} is, as the start scripts place it under {@code env}. */
    public static ServerStateFile of(String name, Map<String, String> env) {
        String base = env.getOrDefault("MAILDRILL_SERVERS_DIR", DEFAULT_SERVERS_DIR);
        Path dir = Path.of(env.getOrDefault(ServerScriptTarget.variablePrefix(name) + "DIR", base + "/" + name));
        return new ServerStateFile(name, dir.resolve("target.env"));
    }

    public Path path() {
        return file;
    }

    /** The file's variables, in file order; empty when there is no readable file (the server never started). */
    public Optional<Map<String, String>> values() {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
            return Optional.of(values);
        } catch (IOException e) {
            throw new TargetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The target the file describes, its accounts with the test password from {@code env}. The
     * file's values win over the environment's, because they describe the server that is running;
     * without a file, the {@code MAILDRILL_<NAME>_} variables of {@code env} (as {@code .ci/run}
     * exports them) describe it. {@code users}, when not blank, replaces the account list
     * (comma-separated).
     */
    public Target target(Map<String, String> env, String users) {
        Map<String, String> values = new LinkedHashMap<>(values().orElse(env));
        if (!values.containsKey(ServerScriptTarget.variablePrefix(name) + "TARGET")) {
            throw new TargetException(name + " is not running: no " + file + " (servers/" + name + "/start writes it)");
        }
        Optional.ofNullable(env.get(ServerScriptTarget.PASSWORD_VARIABLE))
                .ifPresent(p -> values.put(ServerScriptTarget.PASSWORD_VARIABLE, p));
        if (users != null && !users.isBlank()) {
            values.put(ServerScriptTarget.variablePrefix(name) + "USERS", users);
        }
        return ServerScriptTarget.fromEnvironment(name, values).orElseThrow(() -> new TargetException(
                name + ": " + file + " names no endpoint in " + ServerScriptTarget.variablePrefix(name) + "TARGET"));
    }
}
