package io.maildrill.cli;

import io.maildrill.target.Target;
import io.maildrill.target.TargetException;
import io.maildrill.target.ServerScriptTarget;
import io.maildrill.target.ServerStateFile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real server run by the repository's {@code servers/<name>/start} and {@code stop} scripts,
 * whose contract (servers/README.md) is: a state directory {@code $MAILDRILL_SERVERS_DIR/<name>}
 * with a {@code target.env} naming {@code MAILDRILL_<NAME>_TARGET}, {@code _USERS}, {@code _CERT}
 * and {@code _VERSION}; users {@code user1..userN} with the password {@code MAILDRILL_TEST_PASSWORD}
 * (default {@code pass}); throw-away mailboxes.
 */
final class LocalServer {

    /** Installs can take minutes on a fresh machine (James downloads ~120 MB); a start is bounded anyway. */
    private static final long START_TIMEOUT_MINUTES = 10;
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final String name;
    private final Path scripts;
    private final ServerStateFile stateFile;
    private final Map<String, String> env;

    LocalServer(String name, Path serversDir, Map<String, String> env) {
        this.name = name;
        this.scripts = serversDir.resolve(name);
        this.env = env;
        this.stateFile = ServerStateFile.of(name, env);
    }

    String name() {
        return name;
    }

    boolean hasScripts() {
        return Files.isExecutable(scripts.resolve("start")) && Files.isExecutable(scripts.resolve("stop"));
    }

    /** Whether target.env exists and every endpoint it names accepts a connection now. */
    boolean running() {
        Optional<Map<String, String>> values = stateFile.values();
        if (values.isEmpty() || !values.get().containsKey(prefix() + "TARGET")) {
            return false;
        }
        for (String uri : values.get().get(prefix() + "TARGET").split(",")) {
            URI u = URI.create(uri.strip());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(u.getHost(), u.getPort()), 1000);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code start} with fresh mailboxes and {@code users} accounts; its output goes to {@code log}. */
    void start(int users, Path log) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put(prefix() + "USER_COUNT", Integer.toString(users));
        extra.put(prefix() + "FRESH", "1");
        run("start", extra, log, START_TIMEOUT_MINUTES * 60);
    }

    void stop(Path log) {
        run("stop", Map.of(), log, STOP_TIMEOUT_SECONDS);
    }

    /** The target as the running server's target.env describes it, with its users as test accounts. */
    Target target() {
        if (stateFile.values().isEmpty()) {
            throw new TargetException(name + ": no " + stateFile.path() + " (servers/" + name + "/start writes it)");
        }
        return stateFile.target(env, "");
    }

    /** The version the start script recorded, or "" when it could not tell. */
    String version() {
        return stateFile.values().map(v -> v.getOrDefault(prefix() + "VERSION", "")).orElse("");
    }

    private void run(String script, Map<String, String> extra, Path log, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(scripts.resolve(script).toString());
        pb.environment().putAll(extra);
        pb.redirectErrorStream(true);
        try {
            Files.createDirectories(log.getParent());
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = pb.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new TargetException("servers/" + name + "/" + script + " did not finish within " + timeoutSeconds
                        + " s (log: " + log + ")");
            }
            if (process.exitValue() != 0) {
                throw new TargetException("servers/" + name + "/" + script + " exited with " + process.exitValue()
                        + " (log: " + log + ")");
            }
        } catch (IOException e) {
            throw new TargetException("cannot run servers/" + name + "/" + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while running servers/" + name + "/" + script, e);
        }
    }

    private String prefix() {
        return ServerScriptTarget.variablePrefix(name);
    }
}
