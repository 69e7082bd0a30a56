package io.maildrill.script.parse;

import io.maildrill.script.ast.CommandPart;
import io.maildrill.script.ast.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line ({@code A> ...}) into parts: plain text is sent as written (backslashes included,
 * so {@code \Seen} needs no escaping); {@code $name} and {@code #n}/{@code #n.uid} are substituted;
 * {@code $$} and {@code ##} stand for a literal {@code $} and {@code #}; {@code {"octets"}} /
 * {@code {"octets"+}}, {@code {$name}} / {@code {$name+}} and {@code {fixture.message(n)}} /
 * {@code {fixture.message(n)+}} are IMAP literals;
 * {@code {mailbox(name)}} is a scratch mailbox name in the server's personal namespace.
 */
final class CommandLineReader {
    private final LineCursor in;
    private final PatternReader.ReferenceChecks refs;
    private final VariableUse variables;

    /** Checks that a variable used in a command was bound earlier. */
    interface VariableUse {
        void use(String name, int column);
    }

    CommandLineReader(LineCursor in, PatternReader.ReferenceChecks refs, VariableUse variables) {
        this.in = in;
        this.refs = refs;
        this.variables = variables;
    }

    List<CommandPart> read() {
        List<CommandPart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (!in.atEnd()) {
            int column = in.column();
            if (in.lookingAt("$$") || in.lookingAt("##")) {
                text.append(in.next());
                in.next();
            } else if (in.peekIs('$')) {
                in.next();
                String name = Names.readIdentifier(in, "a variable name after '$' (write $$ for a plain $)");
                variables.use(name, column);
                flush(text, parts);
                parts.add(new CommandPart.Variable(name));
            } else if (in.peekIs('#') && in.rest().length() > 1 && Character.isDigit(in.rest().charAt(1))) {
                in.next();
                flush(text, parts);
                parts.add(messageRef(column));
            } else if (in.lookingAt("{\"")) {
                in.next();
                flush(text, parts);
                var octets = Escapes.readQuoted(in);
                parts.add(new CommandPart.Literal(octets, closeLiteral(column)));
            } else if (in.lookingAt("{$")) {
                in.skip(2);
                flush(text, parts);
                int nameColumn = in.column();
                String name = Names.readIdentifier(in, "a variable name after '{$'");
                variables.use(name, nameColumn);
                parts.add(new CommandPart.VariableLiteral(name, closeLiteral(column)));
            } else if (in.lookingAt("{mailbox(")) {
                in.skip("{mailbox(".length());
                flush(text, parts);
                StringBuilder name = new StringBuilder();
                while (!in.atEnd() && (Character.isLetterOrDigit(in.rest().charAt(0)) || in.peekIs('-'))) {
                    name.append(in.next());
                }
                if (name.isEmpty() || !in.lookingAt(")}")) {
                    throw new SyntaxError(column, "expected {mailbox(NAME)} with NAME of letters, digits and '-', "
                            + in.found());
                }
                in.skip(2);
                parts.add(new CommandPart.ScratchMailbox(name.toString()));
            } else if (in.lookingAt("{fixture.message(")) {
                in.skip("{fixture.message(".length());
                flush(text, parts);
                int index = number("a fixture message number");
                refs.messageRef(index, column);
                if (!in.peekIs(')')) {
                    throw in.error("expected ')' after the fixture message number, " + in.found());
                }
                in.next();
                parts.add(new CommandPart.FixtureLiteral(index, closeLiteral(column)));
            } else {
                text.append(in.next());
            }
        }
        flush(text, parts);
        if (parts.isEmpty()) {
            throw in.error("expected a command after '>', found end of line");
        }
        return parts;
    }

    private CommandPart messageRef(int column) {
        int index = number("a fixture message number after '#'");
        refs.messageRef(index, column);
        if (in.lookingAt(".uid")) {
            in.skip(4);
            return new CommandPart.MessageRef(index, Pattern.RefKind.UID);
        }
        return new CommandPart.MessageRef(index, Pattern.RefKind.SEQUENCE);
    }

    private boolean closeLiteral(int openColumn) {
        boolean nonSync = in.peekIs('+');
        if (nonSync) {
            in.next();
        }
        if (!in.peekIs('}')) {
            throw new SyntaxError(openColumn, "literal: expected '}' (or '+}') to close it, " + in.found());
        }
        in.next();
        return nonSync;
    }

    private int number(String what) {
        StringBuilder digits = new StringBuilder();
        while (!in.atEnd() && Character.isDigit(in.peek())) {
            digits.append(in.next());
        }
        if (digits.isEmpty() || digits.length() > 7) {
            throw in.error("expected " + what + ", " + in.found());
        }
        return Integer.parseInt(digits.toString());
    }

    private static void flush(StringBuilder text, List<CommandPart> parts) {
        if (!text.isEmpty()) {
            parts.add(new CommandPart.Text(text.toString()));
            text.setLength(0);
        }
    }
}
