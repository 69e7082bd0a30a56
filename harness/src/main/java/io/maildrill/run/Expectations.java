package io.maildrill.run;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The known failures of one server: which scripts are expected to fail, and why. A known
 * failure that fails is reported as expected; one that passes is reported as fixed; only
 * failures not listed here fail a CI run.
 *
 * <p>File format, one entry per line ({@code #} starts a comment, blank lines are ignored):
 * <pre>
 *   SCRIPT-ID-OR-GLOB  REASON
 *   pop3/deletion/dele-then-retr.script   GreenMail answers RETR of a DELE'd message with +OK (P26)
 *   imap/sync/idle-*.script               IDLE pushes arrive only after 30 s on this build
 * </pre>
 * The reason is required: an expectation without one teaches the next reader nothing.
 */
public final class Expectations {

    /** One known failure. */
    public record KnownFailure(String pattern, String reason, int line) {
    }

    private final String source;
    private final List<KnownFailure> entries;

    private Expectations(String source, List<KnownFailure> entries) {
        this.source = source;
        this.entries = List.copyOf(entries);
    }

    public static Expectations none() {
        return new Expectations("(none)", List.of());
    }

    public static Expectations read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("expectations file " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("expectations file " + file + " cannot be read: permission denied", e);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException("expectations file " + file + " is not UTF-8 text", e);
        } catch (IOException e) {
            // the exception's own text alone is often just the path again
            throw new IllegalArgumentException("cannot read expectations file " + file + ": " + e, e);
        }
    }

    public static Expectations parse(String source, String text) {
        List<KnownFailure> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected SCRIPT-ID REASON, found only '"
                        + parts[0] + "' (every known failure needs its reason)");
            }
            try {
                glob(parts[0]);
            } catch (IllegalArgumentException e) { // PatternSyntaxException among them
                // checked here, before any script runs, not when the first result is graded
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": '" + parts[0] + "' is not a script id or glob: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
            entries.add(new KnownFailure(parts[0], parts[1].strip(), i + 1));
        }
        return new Expectations(source, entries);
    }

    /** The known failure that covers {@code scriptId} (a path like {@code pop3/deletion/x.script}), if any. */
    public Optional<KnownFailure> lookup(String scriptId) {
        for (KnownFailure entry : entries) {
            if (entry.pattern().equals(scriptId) || glob(entry.pattern()).matches(Path.of(scriptId))) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    public List<KnownFailure> entries() {
        return entries;
    }

    public String source() {
        return source;
    }

    private static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }
}
