package io.maildrill.cli;

import io.maildrill.run.ParsedScript;
import io.maildrill.script.ast.Level;
import io.maildrill.script.parse.ScriptParseException;
import io.maildrill.suites.ScriptLibrary;
import io.maildrill.suites.ScriptSource;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * Which scripts a command runs: the bundled suites or a directory, narrowed by id globs, catalog
 * IDs and levels. Every selected script is parsed before anything connects; any parse problem
 * stops the run with every problem listed as {@code file:line: message}.
 */
final class ScriptSelection {

    @Option(names = "--suite", paramLabel = "GLOB",
            description = "Scripts whose id matches, e.g. 'pop3/**' or 'imap/sync/*.script' (repeatable; default: all).")
    List<String> suites = new ArrayList<>();

    @Option(names = "--covers", paramLabel = "IDS", split = ",",
            description = "Only scripts covering one of these catalog IDs, e.g. P25,I33.")
    List<String> covers = new ArrayList<>();

    @Option(names = "--level", paramLabel = "LEVELS", split = ",",
            description = "Only scripts of these levels: MUST, SHOULD, MAY, robust, interop (comma-separated).")
    List<String> levels = new ArrayList<>();

    @Option(names = "--scripts", paramLabel = "DIR", description = "Run the scripts in this directory instead of the bundled suites.")
    File scriptDirectory;

    List<ParsedScript> load() {
        List<ScriptSource> sources;
        try {
            sources = scriptDirectory == null ? ScriptLibrary.bundled() : ScriptLibrary.fromDirectory(scriptDirectory.toPath());
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new UserError("--scripts: " + e.getMessage());
        }
        sources = ScriptLibrary.select(sources, suites);
        List<ParsedScript> parsed;
        try {
            parsed = ScriptLibrary.parse(sources);
        } catch (ScriptParseException e) {
            throw new UserError(e.refusal());
        }
        Set<Level> wanted = levels.stream().map(ScriptSelection::level).collect(Collectors.toSet());
        List<ParsedScript> selected = ScriptLibrary.narrow(parsed, covers, wanted);
        if (selected.isEmpty()) {
            throw new UserError("no script matches the selection (--suite " + suites + ", --covers " + covers
                    + ", --level " + levels + ")");
        }
        return selected;
    }

    private static Level level(String text) {
        try {
            return Level.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--level " + text + ": expected one of " + Arrays.toString(Level.values()));
        }
    }
}
