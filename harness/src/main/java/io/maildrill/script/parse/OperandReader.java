package io.maildrill.script.parse;

import io.maildrill.script.ast.ByteString;
import io.maildrill.script.ast.Operand;
import io.maildrill.script.ast.Protocol;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one operand of {@code check}/{@code set}:
 * {@code $x | 42 | "text" | size($x) | sha256($x) | longest-line($x) | repeat("text", n) | enumerate(a, b)
 * | fixture.count | fixture.PROP(n) | fixture.top(n, k) | A.count | A.longest-status-line | A.closed | now
 * | 2s}, each optionally followed by {@code + x} / {@code - x}.
 */
final class OperandReader {
    /**
     * Longest value {@code repeat} and {@code enumerate} may build: above the 16 MB lines the
     * robustness checks send (catalog S12), small enough for any heap the runner gets.
     */
    static final long MAX_GENERATED_OCTETS = 32L * 1024 * 1024;

    private static final String EXPECTED = "an operand ($var, number, \"text\", size($var), sha256($var), "
            + "longest-line($var), repeat(\"text\", n), enumerate(first, last), fixture.header(n), fixture.body(n), "
            + "fixture.message(n), fixture.size(n), fixture.sha256(n), fixture.top(n, k), fixture.count, A.count, "
            + "A.longest-status-line, A.closed, now, a duration like 2s; a + b, a - b)";

    private final LineCursor in;
    private final PatternReader.ReferenceChecks refs;
    private final CommandLineReader.VariableUse variables;
    private final Function<String, Optional<Protocol>> sessionProtocol;

    /** @param sessionProtocol the protocol of a declared session, empty for a name no session has */
    OperandReader(LineCursor in, PatternReader.ReferenceChecks refs, CommandLineReader.VariableUse variables,
                  Function<String, Optional<Protocol>> sessionProtocol) {
        this.in = in;
        this.refs = refs;
        this.variables = variables;
        this.sessionProtocol = sessionProtocol;
    }

    /** Whether another operand follows on the line (for {@code set}'s concatenation). */
    boolean more() {
        in.skipSpaces();
        return !in.atEnd();
    }

    /** One operand, with any {@code + x} / {@code - x} after it (left to right). */
    Operand read() {
        Operand value = term();
        while (true) {
            in.skipSpaces();
            Operand.ArithmeticOp op = in.lookingAt("+ ") ? Operand.ArithmeticOp.PLUS
                    : in.lookingAt("- ") ? Operand.ArithmeticOp.MINUS : null;
            if (op == null) {
                return value;
            }
            in.skip(2);
            value = new Operand.Arithmetic(value, op, term());
        }
    }

    private Operand term() {
        in.skipSpaces();
        int column = in.column();
        if (in.atEnd()) {
            throw in.error("expected " + EXPECTED + ", found end of line");
        }
        if (in.peekIs('$')) {
            in.next();
            String name = Names.readIdentifier(in, "a variable name after '$'");
            variables.use(name, column);
            return new Operand.Variable(name);
        }
        if (in.peekIs('"')) {
            return new Operand.TextValue(Escapes.readQuoted(in));
        }
        if (Character.isDigit(in.peek())) {
            long n = number();
            String unit = in.lookingAt("ms") ? "ms" : in.lookingAt("s") ? "s" : in.lookingAt("m") ? "m" : "";
            if (unit.isEmpty()) {
                return new Operand.NumberValue(n);
            }
            in.skip(unit.length());
            return new Operand.DurationValue(switch (unit) {
                case "ms" -> java.time.Duration.ofMillis(n);
                case "s" -> java.time.Duration.ofSeconds(n);
                default -> java.time.Duration.ofMinutes(n);
            });
        }
        String word = identifierPath();
        switch (word) {
            case "size", "sha256", "longest-line" -> {
                String name = variableArgument();
                return switch (word) {
                    case "size" -> new Operand.SizeOf(name);
                    case "sha256" -> new Operand.Sha256Of(name);
                    default -> new Operand.LongestLine(name);
                };
            }
            case "repeat" -> {
                return repeat(column);
            }
            case "enumerate" -> {
                return enumerate(column);
            }
            case "fixture.count" -> {
                return new Operand.FixtureCount();
            }
            case "now" -> {
                return new Operand.Now();
            }
            default -> {
                if (word.startsWith("fixture.")) {
                    return fixtureValue(word.substring("fixture.".length()), column);
                }
                if (word.endsWith(".count") && sessionProtocol.apply(prefix(word, ".count")).isPresent()) {
                    return new Operand.SessionCount(prefix(word, ".count"));
                }
                if (word.endsWith(".closed") && sessionProtocol.apply(prefix(word, ".closed")).isPresent()) {
                    return new Operand.SessionClosed(prefix(word, ".closed"));
                }
                if (word.endsWith(".longest-status-line")) {
                    String session = prefix(word, ".longest-status-line");
                    Optional<Protocol> protocol = sessionProtocol.apply(session);
                    if (protocol.isPresent() && protocol.get() != Protocol.POP3) {
                        throw new SyntaxError(column, word + ": longest-status-line is for POP3 sessions ("
                                + session + " is " + protocol.get().name() + ")");
                    }
                    if (protocol.isPresent()) {
                        return new Operand.SessionLongestStatusLine(session);
                    }
                }
                throw new SyntaxError(column, "expected " + EXPECTED + ", found '" + word + "'");
            }
        }
    }

    private Operand fixtureValue(String property, int column) {
        Operand.FixtureProperty prop;
        try {
            prop = Operand.FixtureProperty.valueOf(property.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new SyntaxError(column, "unknown fixture property '" + property
                    + "' (expected: header, body, message, size, sha256, top, count)");
        }
        expect('(');
        int indexColumn = in.column();
        int index = (int) number();
        refs.messageRef(index, indexColumn);
        int top = 0;
        if (prop == Operand.FixtureProperty.TOP) {
            in.skipSpaces();
            expect(',');
            in.skipSpaces();
            top = (int) number();
        }
        expect(')');
        return new Operand.FixtureValue(prop, index, top);
    }

    private static String prefix(String word, String suffix) {
        return word.substring(0, word.length() - suffix.length());
    }

    /** {@code ($name)}: one bound variable as the argument. */
    private String variableArgument() {
        expect('(');
        expect('$');
        int varColumn = in.column();
        String name = Names.readIdentifier(in, "a variable name");
        variables.use(name, varColumn);
        expect(')');
        return name;
    }

    private Operand repeat(int column) {
        expect('(');
        in.skipSpaces();
        if (!in.peekIs('"')) {
            throw in.error("expected the \"text\" to repeat, " + in.found());
        }
        ByteString unit = Escapes.readQuoted(in);
        long times = secondNumber();
        if (unit.length() == 0 || times > MAX_GENERATED_OCTETS / unit.length()) {
            throw new SyntaxError(column, "repeat: " + unit.length() + " octets " + times + " times is "
                    + (unit.length() == 0 ? "empty" : "more than " + MAX_GENERATED_OCTETS + " octets")
                    + " (expected a non-empty text and at most " + MAX_GENERATED_OCTETS + " octets in all)");
        }
        return new Operand.Repeat(unit, times);
    }

    private Operand enumerate(int column) {
        expect('(');
        in.skipSpaces();
        long first = number();
        long last = secondNumber();
        // each number takes at most 19 digits and a comma
        if (last < first || (last - first + 1) > MAX_GENERATED_OCTETS / 20) {
            throw new SyntaxError(column, "enumerate(" + first + ", " + last + "): expected first <= last and at most "
                    + MAX_GENERATED_OCTETS / 20 + " numbers");
        }
        return new Operand.Enumerate(first, last);
    }

    /** {@code , n)} after a function's first argument. */
    private long secondNumber() {
        in.skipSpaces();
        expect(',');
        in.skipSpaces();
        long n = number();
        in.skipSpaces();
        expect(')');
        return n;
    }

    private String identifierPath() {
        StringBuilder word = new StringBuilder();
        while (!in.atEnd() && (Character.isLetterOrDigit(in.peek()) || in.peek() == '.' || in.peek() == '_'
                || in.peek() == '-')) {
            word.append(in.next());
        }
        if (word.isEmpty()) {
            throw in.error("expected an operand, " + in.found());
        }
        return word.toString();
    }

    private long number() {
        StringBuilder digits = new StringBuilder();
        while (!in.atEnd() && Character.isDigit(in.peek())) {
            digits.append(in.next());
        }
        if (digits.isEmpty() || digits.length() > 18) {
            throw in.error("expected a number, " + in.found());
        }
        return Long.parseLong(digits.toString());
    }

    private void expect(char c) {
        if (!in.peekIs(c)) {
            throw in.error("expected '" + c + "', " + in.found());
        }
        in.next();
    }
}
