package io.maildrill.run;

import io.maildrill.run.match.Bindings;
import io.maildrill.run.session.ImapGroups;
import io.maildrill.run.session.ImapScriptSession;
import io.maildrill.run.session.Pop3Groups;
import io.maildrill.run.session.Pop3ScriptSession;
import io.maildrill.run.session.ScriptSession;
import io.maildrill.run.session.SetupError;
import io.maildrill.run.session.StepFailure;
import io.maildrill.script.ast.ExpectTarget;
import io.maildrill.script.ast.Statement;
import io.maildrill.transcript.Transcript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes statements one at a time, in file order (docs/scripts.md "Statements"). A session is
 * connected lazily at its first statement. Returns the command text a step reports; failures are
 * {@link StepFailure} (the script FAILED) or {@link SetupError} (the script could not run).
 */
final class StatementRunner {

    private static final Duration MAX_SLEEP = Duration.ofSeconds(60);

    private final Map<String, ScriptSession> sessions;
    private final Bindings bindings;
    private final Operands operands;
    private final Converge converge;
    private final Duration groupWait;
    private final Transcript convergeTranscript;
    private final Map<Integer, String> sentByLine = new HashMap<>();
    /** Sessions ended in a way the script accepted (handshake or closed, BYE), with the line and how. */
    private final Map<String, Ended> ended = new HashMap<>();
    /** Sessions after {@code A: may close}, with its line, until a statement shows the connection open. */
    private final Map<String, Integer> mayClose = new HashMap<>();
    /** How long a failed statement after {@code may close} waits to see whether the connection is closing. */
    private static final java.time.Duration CLOSE_SETTLES = java.time.Duration.ofSeconds(1);

    private record Ended(int line, String how) {
        SessionEnded skip(String session) {
            return new SessionEnded(session, line, how);
        }
    }

    StatementRunner(Map<String, ScriptSession> sessions, Bindings bindings, Operands operands, Converge converge,
                    Duration groupWait, Transcript convergeTranscript) {
        this.sessions = sessions;
        this.bindings = bindings;
        this.operands = operands;
        this.converge = converge;
        this.groupWait = groupWait;
        this.convergeTranscript = convergeTranscript;
    }

    /** Runs one statement; returns the text the step reports as its command. */
    String run(Statement statement) {
        if (statement instanceof Statement.OnSession on) {
            Ended endedAt = ended.get(on.session());
            if (endedAt != null) {
                if (!(statement instanceof Statement.Reconnect || statement instanceof Statement.Connect)) {
                    throw endedAt.skip(on.session());
                }
                ended.remove(on.session());
            }
            if (statement instanceof Statement.MayClose may) {
                mayClose.put(may.session(), may.line());
                return "may close";
            }
            return onSessionAllowingClose(on, sessions.get(on.session()));
        }
        if (statement instanceof Statement.Sleep sleep) {
            sleep(sleep.duration().compareTo(MAX_SLEEP) > 0 ? MAX_SLEEP : sleep.duration());
            return "sleep " + sleep.duration().toMillis() + "ms";
        }
        if (statement instanceof Statement.SetVariable set) {
            bindings.bind(set.name(), operands.value(set.value(), set.line()));
            return "set $" + set.name();
        }
        if (statement instanceof Statement.Check check) {
            Checks.run(check, operands);
            return "check";
        }
        Statement.Converge c = (Statement.Converge) statement;
        for (String name : c.sessions()) {
            if (ended.containsKey(name)) {
                throw ended.get(name).skip(name);
            }
        }
        List<ImapScriptSession> named = new ArrayList<>();
        for (String name : c.sessions()) {
            ScriptSession s = sessions.get(name);
            if (!s.connected()) {
                s.connect(c.line());
            }
            named.add((ImapScriptSession) s);
        }
        converge.run(c.line(), named, convergeTranscript);
        return "converge " + String.join(" ", c.sessions());
    }

    /**
     * After {@code A: may close}, a statement that fails because the server has closed the connection
     * ends the session (skipped, not failed); the first statement that succeeds shows it stayed open.
     */
    private String onSessionAllowingClose(Statement.OnSession statement, ScriptSession session) {
        Integer mayCloseLine = mayClose.get(session.name());
        if (mayCloseLine == null) {
            return onSession(statement, session);
        }
        if (statement instanceof Statement.Connect || statement instanceof Statement.Reconnect
                || statement instanceof Statement.Disconnect) {
            mayClose.remove(session.name());
            return onSession(statement, session);
        }
        try {
            String text = onSession(statement, session);
            if (statement instanceof Statement.Expect) {
                mayClose.remove(session.name());
            }
            return text;
        } catch (StepFailure f) {
            // A reply lost to the close fails the statement a moment before the connection is seen
            // closed on this thread (a reset is reported first, the close follows on the event loop).
            if (session.open() && !session.awaitClosed(java.time.Instant.now().plus(CLOSE_SETTLES))) {
                throw f;
            }
            mayClose.remove(session.name());
            Ended end = new Ended(mayCloseLine, "the server closed the connection, which it may do there");
            ended.put(session.name(), end);
            session.disconnect(false);
            throw end.skip(session.name());
        }
    }

    private String onSession(Statement.OnSession statement, ScriptSession session) {
        boolean connects = statement instanceof Statement.Connect || statement instanceof Statement.Reconnect;
        boolean closes = statement instanceof Statement.Disconnect;
        if (!session.connected() && !connects && !closes) {
            session.connect(statement.line());
        }
        if (session instanceof ImapScriptSession imap) {
            return imap(statement, imap);
        }
        return pop3(statement, (Pop3ScriptSession) session);
    }

    private String imap(Statement.OnSession statement, ImapScriptSession s) {
        int line = statement.line();
        if (statement instanceof Statement.Send send) {
            String text = s.send(line, send.tag(), send.parts()).text();
            sentByLine.put(line, text);
            return text;
        }
        if (statement instanceof Statement.SendRaw raw) {
            s.sendRaw(line, raw.handle(), raw.bytes().toByteArray());
            String text = "raw \"" + raw.bytes() + "\"";
            sentByLine.put(line, text);
            return text;
        }
        if (statement instanceof Statement.Answer answer) {
            String text = s.answer(line, answer.parts());
            sentByLine.put(line, text);
            return text;
        }
        if (statement instanceof Statement.Expect group) {
            if (new ImapGroups(s, bindings).evaluate(group, groupWait)) {
                ended.put(s.name(), new Ended(group.status().map(e -> e.line()).orElse(line),
                        "the server ended the session (BYE, or a close) instead of a completion, which the status line accepts"));
                s.disconnect(false);
            }
            return answered(group);
        }
        if (statement instanceof Statement.IdleStart) {
            s.idleStart(line);
            sentByLine.put(line, "IDLE");
            return "IDLE";
        }
        if (statement instanceof Statement.IdleDone) {
            s.idleDone(line);
            return "DONE";
        }
        if (statement instanceof Statement.StartTls) {
            s.startTls(line);
            return "STARTTLS";
        }
        if (statement instanceof Statement.TlsHandshake h) {
            return handshakeEnded(h, s.handshake(line, h.orClosed()));
        }
        if (statement instanceof Statement.Login) {
            s.login(line);
            return "LOGIN";
        }
        if (statement instanceof Statement.Select) {
            s.select(line);
            return "SELECT";
        }
        return connection(statement, s);
    }

    private String pop3(Statement.OnSession statement, Pop3ScriptSession s) {
        int line = statement.line();
        if (statement instanceof Statement.Send send) {
            String text = s.send(line, send.parts()).text();
            sentByLine.put(line, text);
            return text;
        }
        if (statement instanceof Statement.SendRaw raw) {
            s.sendRaw(line, raw.handle(), raw.bytes().toByteArray());
            String text = "raw \"" + raw.bytes() + "\"";
            sentByLine.put(line, text);
            return text;
        }
        if (statement instanceof Statement.Expect group) {
            if (new Pop3Groups(s, bindings).evaluate(group, groupWait)) {
                ended.put(s.name(), new Ended(group.status().map(e -> e.line()).orElse(line),
                        "the server closed the connection instead of answering, which the status line accepts"));
                s.disconnect(false);
            }
            return answered(group);
        }
        if (statement instanceof Statement.StartTls) {
            s.startTls(line);
            return "STLS";
        }
        if (statement instanceof Statement.Login) {
            s.login(line);
            return "USER/PASS";
        }
        if (statement instanceof Statement.TlsHandshake h) {
            return handshakeEnded(h, s.handshake(line, h.orClosed()));
        }
        return connection(statement, s);
    }

    private String handshakeEnded(Statement.TlsHandshake h, boolean sessionEnded) {
        if (sessionEnded) {
            ended.put(h.session(), new Ended(h.line(), "TLS handshake failed or connection closed, which 'handshake or closed' accepts"));
            return "(TLS handshake failed or connection closed: accepted, session " + h.session() + " ended)";
        }
        return "(TLS handshake)";
    }

    private String connection(Statement.OnSession statement, ScriptSession s) {
        if (statement instanceof Statement.Connect) {
            if (!s.connected()) {
                s.connect(statement.line());
            }
            return "(connect)";
        }
        if (statement instanceof Statement.Disconnect d) {
            s.disconnect(d.reset());
            return d.reset() ? "(abort: RST)" : "(disconnect: FIN)";
        }
        if (statement instanceof Statement.Reconnect) {
            s.disconnect(false);
            s.connect(statement.line());
            return "(reconnect)";
        }
        throw new SetupError(statement.line(), s.name(), "statement " + statement.getClass().getSimpleName()
                + " is not supported for this session's protocol", null);
    }

    private String answered(Statement.Expect group) {
        if (group.target() instanceof ExpectTarget.Command c) {
            return sentByLine.getOrDefault(c.sendLine(), "");
        }
        return group.target() instanceof ExpectTarget.Idle ? "(idle)" : "(connection)";
    }

    /** The command text a group answers, for failure reports. */
    String sentFor(Statement statement) {
        if (statement instanceof Statement.Expect group && group.target() instanceof ExpectTarget.Command c) {
            return sentByLine.getOrDefault(c.sendLine(), "");
        }
        return sentByLine.getOrDefault(statement.line(), "");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
