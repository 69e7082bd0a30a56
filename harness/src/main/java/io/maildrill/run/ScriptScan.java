package io.maildrill.run;

import io.maildrill.script.ast.CommandPart;
import io.maildrill.script.ast.Expectation;
import io.maildrill.script.ast.Pattern;
import io.maildrill.script.ast.Script;
import io.maildrill.script.ast.Statement;

import java.util.List;
import java.util.Optional;

/** Questions the runner asks about a script before running it. */
final class ScriptScan {

    private ScriptScan() {
    }

    /** Whether statements of {@code session} use {@code #k.uid} (a POP3 session then learns UIDLs at login). */
    static boolean usesUid(Script script, String session) {
        for (Statement s : script.statements()) {
            if (s instanceof Statement.Send send && send.session().equals(session)
                    && send.parts().stream().anyMatch(p -> p instanceof CommandPart.MessageRef r && r.kind() == Pattern.RefKind.UID)) {
                return true;
            }
            if (s instanceof Statement.Expect e && e.session().equals(session)) {
                for (Expectation x : e.expectations()) {
                    if (anyUid(patternsOf(x))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<Pattern> patternsOf(Expectation x) {
        if (x instanceof Expectation.Untagged u) {
            return u.pattern();
        }
        if (x instanceof Expectation.ContentLine l) {
            return l.pattern();
        }
        if (x instanceof Expectation.Status s) {
            return s.text().orElse(List.of());
        }
        if (x instanceof Expectation.Greeting g) {
            return g.pattern();
        }
        if (x instanceof Expectation.Continuation c) {
            return c.text().orElse(List.of());
        }
        return List.of();
    }

    private static boolean anyUid(List<Pattern> patterns) {
        for (Pattern p : patterns) {
            if (p instanceof Pattern.MessageRef r && r.kind() == Pattern.RefKind.UID) {
                return true;
            }
            if (p instanceof Pattern.ListOf l && anyUid(l.elements())
                    || p instanceof Pattern.Code c && anyUid(c.elements())
                    || p instanceof Pattern.FetchItems f && anyUid(f.items().stream().map(Pattern.FetchItem::value).toList())) {
                return true;
            }
        }
        return false;
    }

    /** The session a statement is about, if any. */
    static Optional<String> sessionOf(Statement s) {
        return s instanceof Statement.OnSession on ? Optional.of(on.session()) : Optional.empty();
    }
}
