package io.maildrill.junit;

import io.maildrill.run.ParsedScript;
import io.maildrill.run.TargetProtocols;
import io.maildrill.script.ast.Level;
import io.maildrill.script.parse.ScriptParseException;
import io.maildrill.suites.ScriptLibrary;
import io.maildrill.suites.ScriptSource;
import io.maildrill.target.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scripts a {@link MaildrillConformance} selection runs, chosen as {@code maildrill check}
 * chooses them: bundled or from a directory, narrowed by id globs, catalog IDs and levels, all
 * parsed before anything connects, and only those whose protocols the target has.
 */
final class SelectedScripts {

    private SelectedScripts() {
    }

    static List<ParsedScript> load(Target target, Optional<Path> directory, List<String> suites, List<String> covers,
                                   Set<Level> levels) {
        List<ScriptSource> sources = directory.map(ScriptLibrary::fromDirectory).orElseGet(ScriptLibrary::bundled);
        List<ParsedScript> parsed;
        try {
            parsed = ScriptLibrary.parse(ScriptLibrary.select(sources, suites));
        } catch (ScriptParseException e) {
            throw new IllegalArgumentException(e.refusal(), e);
        }
        List<ParsedScript> runnable = TargetProtocols.select(target, ScriptLibrary.narrow(parsed, covers, levels)).runnable();
        if (runnable.isEmpty()) {
            throw new IllegalArgumentException("no script matches the selection (suites " + suites + ", covers " + covers
                    + ", levels " + levels + ") on " + target.describe()
                    + directory.map(d -> ", scripts from " + d).orElse(""));
        }
        return runnable;
    }
}
