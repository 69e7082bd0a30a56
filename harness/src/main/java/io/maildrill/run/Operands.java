package io.maildrill.run;

import io.maildrill.corpus.Corpus;
import io.maildrill.corpus.CorpusMessage;
import io.maildrill.run.match.Bindings;
import io.maildrill.run.match.Value;
import io.maildrill.run.session.Pop3ScriptSession;
import io.maildrill.run.session.ScriptSession;
import io.maildrill.run.session.StepFailure;
import io.maildrill.script.ast.Operand;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/** Evaluates {@code check} and {@code set} operands (docs/scripts.md "Checks against the fixture"). */
final class Operands {

    private final Bindings bindings;
    private final Optional<Corpus> corpus;
    private final Map<String, ScriptSession> sessions;
    private final IntFunction<Optional<byte[]>> stored;
    private final long startedNanos = System.nanoTime();

    /**
     * @param stored fixture message k as the server stores it, when delivery changed it (trace
     *               headers); the generated message is the reference otherwise
     */
    Operands(Bindings bindings, Optional<Corpus> corpus, Map<String, ScriptSession> sessions,
             IntFunction<Optional<byte[]>> stored) {
        this.bindings = bindings;
        this.corpus = corpus;
        this.sessions = sessions;
        this.stored = stored;
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
        if (operand instanceof Operand.SessionLongestStatusLine l) {
            return new Value.Num(sessions.get(l.session()) instanceof Pop3ScriptSession pop3 ? pop3.longestStatusLine() : 0);
        }
        if (operand instanceof Operand.LongestLine l) {
            return new Value.Num(longestLine(bound(l.variable(), line).bytes()));
        }
        if (operand instanceof Operand.Repeat r) {
            return new Value.Bytes(repeat(r.unit().toByteArray(), r.times()));
        }
        if (operand instanceof Operand.Enumerate e) {
            return new Value.Bytes(enumerate(e.first(), e.last()));
        }
        if (operand instanceof Operand.Now) {
            return new Value.Num((System.nanoTime() - startedNanos) / 1_000_000);
        }
        if (operand instanceof Operand.DurationValue d) {
            return new Value.Num(d.duration().toMillis());
        }
        if (operand instanceof Operand.SessionClosed c) {
            ScriptSession session = sessions.get(c.session());
            return new Value.Num(session != null && session.connected() && !session.open() ? 1 : 0);
        }
        if (operand instanceof Operand.Arithmetic a) {
            long left = number(a.left(), line);
            long right = number(a.right(), line);
            return new Value.Num(a.op() == Operand.ArithmeticOp.PLUS ? left + right : left - right);
        }
        if (operand instanceof Operand.Concatenation c) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Operand part : c.parts()) {
                out.writeBytes(value(part, line).bytes());
            }
            return new Value.Bytes(out.toByteArray());
        }
        return fixture((Operand.FixtureValue) operand, line);
    }

    private long number(Operand operand, int line) {
        Value v = value(operand, line);
        return v.asNumber().orElseThrow(() -> new StepFailure(line, "script", "", Checks.text(operand) + " a number",
                Checks.text(operand) + " = " + v + " is not a number"));
    }

    /** Octets of the longest line, its line end included; a last line without one counts as it is. */
    static int longestLine(byte[] octets) {
        int longest = 0;
        int start = 0;
        for (int i = 0; i < octets.length; i++) {
            if (octets[i] == '\n') {
                longest = Math.max(longest, i + 1 - start);
                start = i + 1;
            }
        }
        return Math.max(longest, octets.length - start);
    }

    private static byte[] repeat(byte[] unit, long times) {
        byte[] out = new byte[Math.toIntExact(unit.length * times)];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        }
        return out;
    }

    private static byte[] enumerate(long first, long last) {
        StringBuilder text = new StringBuilder();
        for (long n = first; n <= last; n++) {
            text.append(n == first ? "" : ",").append(n);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private Value bound(String name, int line) {
        return bindings.get(name).orElseThrow(() -> new StepFailure(line, "script", "", "$" + name + " bound",
                "$" + name + " is not bound"));
    }

    private Value fixture(Operand.FixtureValue f, int line) {
        Corpus c = corpus.orElseThrow(() -> new StepFailure(line, "script", "", "a @fixture", "the script has no @fixture"));
        CorpusMessage m = c.message(f.fixtureIndex() - 1);
        byte[] message = stored.apply(f.fixtureIndex()).orElse(m.bytes());
        // A stored form differs only in added header fields (checked when it was read back), so the
        // generated body stays the byte-exact reference.
        int headerLength = message.length - m.bodyLength();
        return switch (f.property()) {
            case HEADER -> new Value.Bytes(Arrays.copyOf(message, headerLength));
            case BODY -> new Value.Bytes(m.bodyBytes());
            case MESSAGE -> new Value.Bytes(message);
            case SIZE -> new Value.Num(message.length);
            case SHA256 -> Value.text(Value.sha256Hex(message));
            case TOP -> new Value.Bytes(top(Arrays.copyOf(message, headerLength), m.bodyBytes(), f.topLines()));
        };
    }

    /** The header, the blank line, then the first n body lines with their CRLF (the whole message if shorter). */
    static byte[] top(byte[] header, byte[] body, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
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
