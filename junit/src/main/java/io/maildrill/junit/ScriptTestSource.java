package io.maildrill.junit;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a script's test points, so an IDE opens the script at the failing line: the bundled
 * scripts as classpath resources ({@code classpath:/scripts/<id>?line=N}, found inside the
 * maildrill jar as in maildrill's own tree), a directory's scripts as files.
 */
final class ScriptTestSource {

    private final Optional<Path> directory;

    ScriptTestSource(Optional<Path> directory) {
        this.directory = directory;
    }

    URI uri(String scriptId, int line) {
        String query = "?line=" + Math.max(1, line);
        return directory
                .map(d -> URI.create(d.toAbsolutePath().normalize().resolve(scriptId).toUri() + query))
                .orElseGet(() -> URI.create("classpath:/scripts/" + scriptId + query));
    }
}
