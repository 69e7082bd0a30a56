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
            return onSession(on, sessions.get(on.session()));
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
        if (statement instanceof Statement.Expect group) {
            new ImapGroups(s, bindings).evaluate(group, groupWait);
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
        if (statement instanceof Statement.TlsHandshake) {
            s.handshake(line);
            return "(TLS handshake)";
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
            new Pop3Groups(s, bindings).evaluate(group, groupWait);
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
        if (statement instanceof Statement.TlsHandshake) {
            throw new SetupError(line, s.name(), "'" + s.name() + ": handshake' after a raw STLS is not supported for POP3 yet", null);
        }
        return connection(statement, s);
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
