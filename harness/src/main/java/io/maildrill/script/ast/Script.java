package io.maildrill.script.ast;

import java.util.List;
import java.util.Optional;

/**
 * A parsed conformance script: header, session declarations, then statements in file order.
 *
 * @param sourceName the file name or label used in {@code sourceName:line} messages
 */
public record Script(String sourceName, Metadata metadata, List<SessionDecl> sessions, List<Statement> statements) {
    public Script {
        sessions = List.copyOf(sessions);
        statements = List.copyOf(statements);
    }

    public Optional<SessionDecl> session(String name) {
        return sessions.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
