package io.maildrill.run;

import io.maildrill.corpus.Corpus;
import io.maildrill.corpus.CorpusMessage;
import io.maildrill.run.match.Bindings;
import io.maildrill.run.match.Value;
import io.maildrill.run.session.ScriptSession;
import io.maildrill.run.session.StepFailure;
import io.maildrill.script.ast.Operand;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Optional;

/** Evaluates {@code check} and {@code set} operands (docs/scripts.md "Checks against the fixture"). */
final class Operands {

    private final Bindings bindings;
    private final Optional<Corpus> corpus;
    private final Map<String, ScriptSession> sessions;

    Operands(Bindings bindings, Optional<Corpus> corpus, Map<String, ScriptSession> sessions) {
        this.bindings = bindings;
        this.corpus = corpus;
        this.sessions = sessions;
    }

    Value value(Operand operand, int line) {
        if (operand instanceof Operand.Variable v) {
            return bound(v.name(), line);
        }
        if (operand instanceof Operand.NumberValue n) {
            return new Value.Num(n.value());
        }
        if (operand instanceof Operand.TextValue t) {
            return new Value.Bytes(t.value().toByteArray());
        }
        if (operand instanceof Operand.SizeOf s) {
            return new Value.Num(bound(s.variable(), line).bytes().length);
        }
        if (operand instanceof Operand.Sha256Of s) {
            return Value.text(Value.sha256Hex(bound(s.variable(), line).bytes()));
        }
        if (operand instanceof Operand.FixtureCount) {
            return new Value.Num(corpus.map(Corpus::size).orElse(0));
        }
        if (operand instanceof Operand.SessionCount c) {
            ScriptSession session = sessions.get(c.session());
            return new Value.Num(session == null ? 0 : session.count());
        }
        return fixture((Operand.FixtureValue) operand, line);
    }

    private Value bound(String name, int line) {
        return bindings.get(name).orElseThrow(() -> new StepFailure(line, "script", "", "$" + name + " bound",
                "$" + name + " is not bound"));
    }

    private Value fixture(Operand.FixtureValue f, int line) {
        Corpus c = corpus.orElseThrow(() -> new StepFailure(line, "script", "", "a @fixture", "the script has no @fixture"));
        CorpusMessage m = c.message(f.fixtureIndex() - 1);
        return switch (f.property()) {
            case HEADER -> new Value.Bytes(m.headerBytes());
            case BODY -> new Value.Bytes(m.bodyBytes());
            case MESSAGE -> new Value.Bytes(m.bytes());
            case SIZE -> new Value.Num(m.size());
            case SHA256 -> Value.text(Value.sha256Hex(m.bytes()));
            case TOP -> new Value.Bytes(top(m, f.topLines()));
        };
    }

    /** The header, the blank line, then the first n body lines with their CRLF (the whole message if shorter). */
    static byte[] top(CorpusMessage m, int n) {
        byte[] body = m.bodyBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(m.headerBytes());
        int lines = 0;
        int start = 0;
        for (int i = 0; i < body.length && lines < n; i++) {
            if (body[i] == '\n') {
                out.write(body, start, i + 1 - start);
                start = i + 1;
                lines++;
            }
        }
        if (lines < n && start < body.length) {
            out.write(body, start, body.length - start);
        }
        return out.toByteArray();
    }
}
