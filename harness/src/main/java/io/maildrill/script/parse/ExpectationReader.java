package io.maildrill.script.parse;

import io.maildrill.script.ast.Expectation;
import io.maildrill.script.ast.Pattern;
import io.maildrill.script.ast.Presence;
import io.maildrill.script.ast.Protocol;
import io.maildrill.script.ast.StatusWord;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the text after {@code A<}:
 * <pre>
 * ordered | strict | within DURATION | closed | greeting PATTERNS | lines N | content $name
 * [may|not] * PATTERNS            (IMAP untagged)
 * [may|not] line PATTERNS         (POP3 content line)
 * + [PATTERNS]                    (IMAP continuation request)
 * STATUS[|STATUS...] [PATTERNS]   (OK NO BAD BYE for IMAP, +OK -ERR for POP3)
 * </pre>
 */
final class ExpectationReader {
    private final int line;
    private final LineCursor in;
    private final Protocol protocol;
    private final PatternReader.ReferenceChecks refs;

    ExpectationReader(int line, LineCursor in, Protocol protocol, PatternReader.ReferenceChecks refs) {
        this.line = line;
        this.in = in;
        this.protocol = protocol;
        this.refs = refs;
    }

    ExpectationLine read() {
        in.skipSpaces();
        int column = in.column();
        String word = in.word();
        switch (word) {
            case "" -> throw in.error("expected an expectation (status, '*', 'line', 'lines', 'content', 'greeting', 'closed', "
                    + "'ordered', 'strict', 'within'), found end of line");
            case "ordered" -> {
                return end(new ExpectationLine.Ordered());
            }
            case "strict" -> {
                return end(new ExpectationLine.Strict());
            }
            case "within" -> {
                in.skipSpaces();
                int at = in.column();
                String d = in.word();
                ExpectationLine w = new ExpectationLine.Within(Durations.parse(d, Duration.ofMinutes(10), new LineCursor(d, at - 1)));
                return end(w);
            }
            case "closed" -> {
                return end(of(new Expectation.Closed(line)));
            }
            case "greeting" -> {
                return of(new Expectation.Greeting(line, patterns()));
            }
            case "lines" -> {
                pop3Only(word, column);
                in.skipSpaces();
                String n = in.word();
                if (!n.matches("\\d{1,7}")) {
                    throw new SyntaxError(column, "expected a line count after 'lines', found '" + n + "'");
                }
                return end(of(new Expectation.LineCount(line, Integer.parseInt(n))));
            }
            case "content" -> {
                pop3Only(word, column);
                in.skipSpaces();
                if (!in.peekIs('$')) {
                    throw in.error("expected $name after 'content', " + in.found());
                }
                in.next();
                String name = Names.readIdentifier(in, "a capture name");
                refs.capture(name);
                return end(of(new Expectation.Content(line, name)));
            }
            case "may", "not" -> {
                Presence presence = word.equals("may") ? Presence.MAY : Presence.MUST_NOT;
                in.skipSpaces();
                int kindColumn = in.column();
                String kind = in.word();
                return of(responseLine(presence, kind, kindColumn));
            }
            case "*", "line" -> {
                return of(responseLine(Presence.MUST, word, column));
            }
            case "+" -> {
                return of(protocol == Protocol.POP3 ? status(word, column) : continuation(Presence.MUST, column));
            }
            default -> {
                return of(status(word, column));
            }
        }
    }

    private Expectation continuation(Presence presence, int column) {
        if (protocol != Protocol.IMAP) {
            throw new SyntaxError(column, "'may +' and 'not +' are IMAP only; in POP3 a SASL continuation is the status '+' (e.g. A< +|-ERR)");
        }
        return new Expectation.Continuation(line, presence, optionalPatterns());
    }

    private Expectation responseLine(Presence presence, String kind, int column) {
        if (kind.equals("+")) {
            return continuation(presence, column);
        }
        if (kind.equals("*")) {
            if (protocol != Protocol.IMAP) {
                throw new SyntaxError(column, "untagged '*' responses are IMAP only (for POP3 content lines write 'line PATTERN')");
            }
            return new Expectation.Untagged(line, presence, patterns());
        }
        if (kind.equals("line")) {
            pop3Only(kind, column);
            return new Expectation.ContentLine(line, presence, patterns());
        }
        throw new SyntaxError(column, "expected '*' (IMAP untagged), '+' (continuation) or 'line' (POP3 content line) after may/not, found '" + kind + "'");
    }

    private Expectation status(String word, int column) {
        Set<StatusWord> accepted = EnumSet.noneOf(StatusWord.class);
        for (String alternative : word.split("\\|", -1)) {
            StatusWord s = StatusWord.fromWire(alternative).orElseThrow(() -> new SyntaxError(column, unknownStatus(word)));
            if (s.protocol().isPresent() && s.protocol().get() != protocol) {
                throw new SyntaxError(column, s.wire() + " is a " + s.protocol().get().name() + " status; this is a "
                        + protocol.name() + " session (expected " + expectedStatuses() + ")");
            }
            accepted.add(s);
        }
        if (accepted.equals(EnumSet.of(StatusWord.CLOSED))) {
            throw new SyntaxError(column, "'closed' as a status goes beside another one (e.g. OK|closed); alone write 'closed'");
        }
        return new Expectation.Status(line, accepted, optionalPatterns());
    }

    private String unknownStatus(String word) {
        return "expected " + expectedStatuses() + ", '*'" + (protocol == Protocol.POP3 ? ", 'line', 'lines', 'content'" : ", '+'")
                + ", 'greeting', 'closed' or a modifier (ordered, strict, within), found '" + word + "'";
    }

    private String expectedStatuses() {
        return protocol == Protocol.IMAP ? "OK, NO, BAD or BYE (alternatives as OK|NO, or OK|closed)"
                : "+OK, -ERR or + (a SASL continuation; alternatives as +OK|-ERR, or +OK|closed)";
    }

    private void pop3Only(String word, int column) {
        if (protocol != Protocol.POP3) {
            throw new SyntaxError(column, "'" + word + "' checks POP3 multi-line content; this is an IMAP session");
        }
    }

    private List<Pattern> patterns() {
        return new PatternReader(in, line, refs).readLine();
    }

    private Optional<List<Pattern>> optionalPatterns() {
        in.skipSpaces();
        return in.atEnd() ? Optional.empty() : Optional.of(patterns());
    }

    private ExpectationLine end(ExpectationLine result) {
        in.skipSpaces();
        if (!in.atEnd()) {
            throw in.error("expected end of line, " + in.found());
        }
        return result;
    }

    private static ExpectationLine of(Expectation e) {
        return new ExpectationLine.Of(e);
    }
}
