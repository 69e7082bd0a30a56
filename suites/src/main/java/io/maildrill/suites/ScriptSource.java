package io.maildrill.suites;

import java.net.URI;

/**
 * One conformance script's text and where it came from.
 *
 * @param id   the path below the scripts root, e.g. {@code pop3/deletion/dele-only-marks.script};
 *             reports, expectations files and {@code --suite} globs use it
 * @param text the script text
 * @param uri  where the text was read (a file, or a resource inside the maildrill jar)
 */
public record ScriptSource(String id, String text, URI uri) {
}
