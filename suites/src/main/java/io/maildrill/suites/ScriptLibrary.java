package io.maildrill.suites;

import io.maildrill.run.ParsedScript;
import io.maildrill.script.ast.Level;
import io.maildrill.script.parse.ParseProblem;
import io.maildrill.script.parse.ScriptParseException;
import io.maildrill.script.parse.ScriptParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds conformance scripts: the suites bundled with maildrill (classpath {@code /scripts},
 * from a directory in development or from inside the jar), or a directory of the user's own.
 */
public final class ScriptLibrary {

    private static final String ROOT = "/scripts";
    private static final String EXTENSION = ".script";

    private ScriptLibrary() {
    }

    /** Every bundled script, sorted by id. */
    public static List<ScriptSource> bundled() {
        URL root = ScriptLibrary.class.getResource(ROOT);
        if (root == null) {
            throw new IllegalStateException("no " + ROOT + " on the classpath: the suites resources are missing");
        }
        try {
            URI uri = root.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs = jarFileSystem(uri);
                return read(fs.getPath(ROOT));
            }
            return read(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URI " + root, e);
        }
    }

    /** Every {@code *.script} below {@code directory}, ids relative to it. */
    public static List<ScriptSource> fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("script directory " + directory
                    + (Files.exists(directory) ? " is a file, not a directory" : " does not exist"));
        }
        return read(directory);
    }

    /** Keeps the scripts whose id matches one of the globs ({@code pop3/**}, {@code imap/sync/*.script}). */
    public static List<ScriptSource> select(List<ScriptSource> scripts, List<String> globs) {
        if (globs.isEmpty()) {
            return scripts;
        }
        List<PathMatcher> matchers = globs.stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        return scripts.stream()
                .filter(s -> matchers.stream().anyMatch(m -> m.matches(Path.of(s.id()))) || globs.contains(s.id()))
                .toList();
    }

    /**
     * Keeps the parsed scripts that cover one of the catalog IDs ({@code P25}, {@code I33}) and
     * rest on one of the levels; an empty list or set does not narrow.
     */
    public static List<ParsedScript> narrow(List<ParsedScript> scripts, List<String> covers, Set<Level> levels) {
        return scripts.stream()
                .filter(p -> covers.isEmpty() || p.script().metadata().covers().stream().anyMatch(covers::contains))
                .filter(p -> levels.isEmpty() || levels.contains(p.script().metadata().level()))
                .toList();
    }

    /**
     * Parses every script; all problems of all files are collected and thrown together, so a
     * run stops before anything connects with the whole list in hand.
     */
    public static List<ParsedScript> parse(List<ScriptSource> sources) throws ScriptParseException {
        List<ParsedScript> parsed = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        for (ScriptSource source : sources) {
            if (source.unreadable().isPresent()) {
                problems.add(source.unreadable().get());
                continue;
            }
            try {
                parsed.add(new ParsedScript(source.id(), ScriptParser.parse(source.id(), source.text())));
            } catch (ScriptParseException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScriptParseException(problems);
        }
        return parsed;
    }

    private static List<ScriptSource> read(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            List<ScriptSource> scripts = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(EXTENSION)).sorted().toList()) {
                String id = root.relativize(file).toString().replace('\\', '/');
                scripts.add(ScriptSource.of(id, Files.readAllBytes(file), file.toUri()));
            }
            return scripts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scripts under " + root + ": " + e, e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the maildrill jar at " + uri, e);
        }
    }
}
