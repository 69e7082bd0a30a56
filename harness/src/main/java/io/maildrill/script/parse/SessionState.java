package io.maildrill.script.parse;

import io.maildrill.script.ast.SessionDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the parser knows about one session at the current line: commands still awaiting a status, idling. */
final class SessionState {
    /** A command sent but not yet given its status expectation. */
    record Pending(int sendLine, Optional<String> tag) {}

    final SessionDecl decl;
    final List<Pending> pending = new ArrayList<>();
    int idleLine;
    /** The last group of this session ended at a continuation: an {@code A+>} answer may follow. */
    boolean answerable;

    SessionState(SessionDecl decl) {
        this.decl = decl;
    }

    boolean idling() {
        return idleLine > 0;
    }

    /** The command a group names: by explicit tag, else the oldest untagged one. */
    Optional<Pending> awaiting(Optional<String> tag) {
        return pending.stream()
                .filter(p -> p.tag().equals(tag))
                .filter(p -> p.sendLine() != idleLine)
                .findFirst();
    }

    void forgetConnection() {
        pending.clear();
        idleLine = 0;
    }
}
