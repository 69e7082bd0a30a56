package io.maildrill.script.parse;

import io.maildrill.script.ast.Operand;
import java.util.Locale;

/**
 * Reads one operand of {@code check}/{@code set}:
 * {@code $x | 42 | "text" | size($x) | sha256($x) | fixture.count | fixture.PROP(n) | fixture.top(n, k) | A.count}.
 */
final class OperandReader {
    private final LineCursor in;
    private final PatternReader.ReferenceChecks refs;
    private final CommandLineReader.VariableUse variables;
    private final java.util.function.Predicate<String> isSession;

    OperandReader(LineCursor in, PatternReader.ReferenceChecks refs, CommandLineReader.VariableUse variables,
                  java.util.function.Predicate<String> isSession) {
        this.in = in;
        this.refs = refs;
        this.variables = variables;
        this.isSession = isSession;
    }

    Operand read() {
        in.skipSpaces();
        int column = in.column();
        if (in.atEnd()) {
            throw in.error("expected an operand ($var, number, \"text\", size($var), sha256($var), fixture.…, A.count), found end of line");
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
            return new Operand.NumberValue(number());
        }
        String word = identifierPath();
        switch (word) {
            case "size", "sha256" -> {
                expect('(');
                expect('$');
                int varColumn = in.column();
                String name = Names.readIdentifier(in, "a variable name");
                variables.use(name, varColumn);
                expect(')');
                return word.equals("size") ? new Operand.SizeOf(name) : new Operand.Sha256Of(name);
            }
            case "fixture.count" -> {
                return new Operand.FixtureCount();
            }
            default -> {
                if (word.startsWith("fixture.")) {
                    return fixtureValue(word.substring("fixture.".length()), column);
                }
                if (word.endsWith(".count") && isSession.test(word.substring(0, word.length() - 6))) {
                    return new Operand.SessionCount(word.substring(0, word.length() - 6));
                }
                throw new SyntaxError(column, "expected an operand ($var, number, \"text\", size($var), sha256($var), "
                        + "fixture.header(n), fixture.body(n), fixture.message(n), fixture.size(n), fixture.sha256(n), "
                        + "fixture.top(n, k), fixture.count, A.count), found '" + word + "'");
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

    private String identifierPath() {
        StringBuilder word = new StringBuilder();
        while (!in.atEnd() && (Character.isLetterOrDigit(in.peek()) || in.peek() == '.' || in.peek() == '_')) {
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
