package io.maildrill.run.session;

import io.maildrill.script.ast.SessionDecl;
import io.maildrill.transcript.Transcript;

/**
 * A session declared by a script, connected lazily at its first statement. Implementations keep
 * the protocol state a script refers to (pending commands, unclaimed responses, the mailbox view).
 */
public sealed interface ScriptSession extends AutoCloseable permits ImapScriptSession, Pop3ScriptSession {

    SessionDecl decl();

    default String name() {
        return decl().name();
    }

    Transcript transcript();

    boolean connected();

    /** Connected and the connection still open: the server has not closed it. */
    boolean open();

    /** Connects, reads the greeting, logs in and selects as declared; failures name {@code line}. */
    void connect(int line);

    /** Waits (bounded) until the server has closed the connection; true when it has. */
    boolean awaitClosed(java.time.Instant deadline);

    /** Closes without QUIT/LOGOUT (FIN) or with a reset; pending commands are forgotten. */
    void disconnect(boolean reset);

    /** The message count the session believes ({@code A.count}). */
    long count();

    /** Ends the session at the end of the script: polite logout when possible, bounded, never throws. */
    @Override
    void close();
}
