package io.maildrill.target;

import io.maildrill.net.Endpoint;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds where a server on this machine keeps its accounts' maildirs, as its start script exports
 * it: {@code MAILDRILL_<NAME>_MAILDIR} (a template with {@code %u} for the user, see
 * servers/README.md) beside {@code MAILDRILL_<NAME>_IMAP}, either in the environment (as
 * {@code .ci/run} exports a target.env) or in a {@code target.env} under the servers directory.
 * Only a loopback IMAP endpoint matches: a maildir is only reachable on the server's own machine.
 */
public final class LocalMaildirs {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "::1", "[::1]");

    private LocalMaildirs() {
    }

    /** The maildir template of the local server listening at {@code imap}, if one says so. */
    public static Optional<String> templateFor(Endpoint imap, Map<String, String> env) {
        if (!isLoopback(imap.host())) {
            return Optional.empty();
        }
        Optional<String> exported = matching(imap, env);
        if (exported.isPresent()) {
            return exported;
        }
        Path servers = Path.of(env.getOrDefault("MAILDRILL_SERVERS_DIR", ServerStateFile.DEFAULT_SERVERS_DIR));
        if (!Files.isDirectory(servers)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(servers, Files::isDirectory)) {
            for (Path dir : dirs) {
                Map<String, String> values = ServerStateFile.of(dir.getFileName().toString(), env).values().orElse(Map.of());
                Optional<String> found = matching(imap, values);
                if (found.isPresent()) {
                    return found;
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // an unreadable servers directory names no maildir
        }
        return Optional.empty();
    }

    /** The first {@code MAILDRILL_X_MAILDIR} whose {@code MAILDRILL_X_IMAP} is {@code imap}. */
    private static Optional<String> matching(Endpoint imap, Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith("MAILDRILL_") || !key.endsWith("_MAILDIR") || e.getValue().isBlank()) {
                continue;
            }
            String uri = values.get(key.substring(0, key.length() - "MAILDIR".length()) + "IMAP");
            if (uri != null && sameEndpoint(uri, imap)) {
                return Optional.of(e.getValue().strip());
            }
        }
        return Optional.empty();
    }

    private static boolean sameEndpoint(String uri, Endpoint imap) {
        try {
            URI u = URI.create(uri.strip());
            return u.getPort() == imap.port() && u.getHost() != null
                    && (u.getHost().equalsIgnoreCase(imap.host()) || isLoopback(u.getHost()) && isLoopback(imap.host()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return LOOPBACK_NAMES.contains(h) || h.startsWith("127.");
    }
}
