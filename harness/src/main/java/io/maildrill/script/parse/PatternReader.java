package io.maildrill.script.parse;

import io.maildrill.script.ast.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.PatternSyntaxException;

/**
 * Parses the pattern language (docs/scripts.md, "Patterns"):
 * <pre>
 * sequence := [ pattern *( SP pattern ) ]
 * A sequence may end in "... PATTERN ...": one of the remaining values matches PATTERN (a capability
 * anywhere in a CAPABILITY list).
 * pattern  := "*" | "..." | "$" name | "#" n [ ".uid" ] | "~" quoted | quoted
 *           | "(" sequence ")" | "[" sequence "]" | number | atom
 * atom     := 1*( any char but SP ( ) [ ] " ) with attached "[...]" sections and "&lt;...&gt;" partials,
 *             e.g. BODY[HEADER.FIELDS (From)]&lt;0&gt;
 * </pre>
 * A list right after {@code FLAGS}/{@code PERMANENTFLAGS} becomes a {@link Pattern.FlagSet}; a list right
 * after {@code FETCH} becomes {@link Pattern.FetchItems}.
 */
final class PatternReader {
    /**
     * Deepest list nesting a pattern may have. Real responses nest a few levels (BODYSTRUCTURE of a
     * multipart in a multipart); the limit keeps the reader and the matcher, which both recurse,
     * far from the stack's end whatever a script file holds.
     */
    static final int MAX_NESTING = 64;

    private final LineCursor in;
    private int nesting;
    private final int line;
    private final ReferenceChecks refs;

    /** Callbacks that let the statement parser validate message refs and record captures. */
    interface ReferenceChecks {
        void messageRef(int fixtureIndex, int column);

        void capture(String name);
    }

    PatternReader(LineCursor in, int line, ReferenceChecks refs) {
        this.in = in;
        this.line = line;
        this.refs = refs;
    }

    /** Reads a sequence up to the end of the line. */
    List<Pattern> readLine() {
        List<Pattern> result = readSequence((char) 0);
        if (!in.atEnd()) {
            throw in.error("expected a pattern or end of line, " + in.found());
        }
        return result;
    }

    private List<Pattern> readSequence(char closer) {
        List<Pattern> out = new ArrayList<>();
        in.skipSpaces();
        SyntaxError afterRest = null;
        while (!in.atEnd() && in.peek() != closer) {
            if (!out.isEmpty() && out.get(out.size() - 1) instanceof Pattern.Rest) {
                // Only '... PATTERN ...' may go on after a '...'; the error, if the sequence is not that
                // form, points here, at the first element after it.
                SyntaxError here = in.error("'...' must be the last element of its list or line, " + in.found());
                if (!containsForm(out)) {
                    throw here;
                }
                afterRest = here;
            }
            if (in.peek() == ')' || in.peek() == ']') {
                throw in.error("unbalanced '" + in.peek() + "'" + (closer == 0 ? "" : " (expected '" + closer + "')"));
            }
            int column = in.column();
            Pattern p = readOne();
            Pattern previous = out.isEmpty() ? null : out.get(out.size() - 1);
            out.add(contextual(previous, p, column));
            if (!in.atEnd() && in.peek() != closer && in.peek() != ' ' && in.peek() != '\t'
                    && in.peek() != ')' && in.peek() != ']') {
                throw in.error("expected a space between patterns, " + in.found());
            }
            in.skipSpaces();
        }
        int restAt = out.indexOf(out.stream().filter(Pattern.Rest.class::isInstance).findFirst().orElse(null));
        if (restAt >= 0 && restAt != out.size() - 1 && !(restAt == out.size() - 3 && out.get(out.size() - 1) instanceof Pattern.Rest)) {
            throw afterRest;
        }
        return out;
    }

    /** {@code ... P ...}: the sequence read so far ends in a '...' that may be followed by one pattern and a final '...'. */
    private static boolean containsForm(List<Pattern> out) {
        long rests = out.stream().filter(Pattern.Rest.class::isInstance).count();
        return rests == 1;
    }

    private Pattern readOne() {
        int column = in.column();
        if (in.lookingAt("...")) {
            in.skip(3);
            return new Pattern.Rest(line);
        }
        char c = in.peek();
        switch (c) {
            case '*':
                if (isDelimiterAt(1)) {
                    in.next();
                    return new Pattern.AnyValue(line);
                }
                break;
            case '$':
                in.next();
                String name = Names.readIdentifier(in, "capture name after '$'");
                refs.capture(name);
                if (in.lookingAt("~\"")) {
                    int regexColumn = in.column();
                    in.next();
                    return new Pattern.CaptureMatching(line, name, regex(regexColumn));
                }
                return new Pattern.Capture(line, name);
            case '#':
                in.next();
                return readMessageRef(column);
            case '~':
                in.next();
                return regex(column);
            case '"':
                return new Pattern.Text(line, Escapes.readQuoted(in));
            case '(':
                return readBracketed(')', false);
            case '[':
                return readBracketed(']', true);
            default:
                break;
        }
        String atom = readAtom();
        if (atom.chars().allMatch(Character::isDigit)) {
            if (atom.length() > 18) {
                throw new SyntaxError(column, "number too long: " + atom);
            }
            return new Pattern.Number(line, Long.parseLong(atom));
        }
        return new Pattern.Atom(line, atom);
    }

    /** The quoted regex after a {@code ~}. */
    private Pattern.Regex regex(int column) {
        String source = Escapes.readQuoted(in).latin1();
        try {
            return new Pattern.Regex(line, java.util.regex.Pattern.compile(source));
        } catch (PatternSyntaxException bad) {
            throw new SyntaxError(column, "bad regex: " + bad.getDescription());
        }
    }

    private Pattern readMessageRef(int column) {
        int start = in.column();
        StringBuilder digits = new StringBuilder();
        while (!in.atEnd() && Character.isDigit(in.peek())) {
            digits.append(in.next());
        }
        if (digits.isEmpty() || digits.length() > 7) {
            throw new SyntaxError(start, "expected a fixture message number after '#', " + in.found());
        }
        int index = Integer.parseInt(digits.toString());
        refs.messageRef(index, column);
        Pattern.RefKind kind = Pattern.RefKind.SEQUENCE;
        if (in.lookingAt(".uid")) {
            in.skip(4);
            kind = Pattern.RefKind.UID;
        }
        return new Pattern.MessageRef(line, index, kind);
    }

    private Pattern readBracketed(char closer, boolean code) {
        int openColumn = in.column();
        if (nesting == MAX_NESTING) {
            throw new SyntaxError(openColumn, "lists nested deeper than " + MAX_NESTING + " levels");
        }
        in.next();
        nesting++;
        try {
            List<Pattern> elements = readSequence(closer);
            if (in.atEnd()) {
                throw new SyntaxError(openColumn, "unclosed '" + (code ? '[' : '(') + "': expected '" + closer + "' before end of line");
            }
            in.next();
            return code ? new Pattern.Code(line, elements) : new Pattern.ListOf(line, elements);
        } finally {
            nesting--;
        }
    }

    private boolean isDelimiterAt(int ahead) {
        String rest = in.rest();
        if (rest.length() <= ahead) {
            return true;
        }
        char c = rest.charAt(ahead);
        return c == ' ' || c == '\t' || c == ')' || c == ']';
    }

    private String readAtom() {
        StringBuilder atom = new StringBuilder();
        while (!in.atEnd()) {
            char c = in.peek();
            if (c == ' ' || c == '\t' || c == '(' || c == ')' || c == ']' || c == '"') {
                break;
            }
            if (c == '[') {
                if (atom.isEmpty()) {
                    break;
                }
                atom.append(readSection());
                continue;
            }
            atom.append(in.next());
        }
        if (atom.isEmpty()) {
            throw in.error("expected a pattern, " + in.found());
        }
        return atom.toString();
    }

    /** A section suffix such as {@code [HEADER.FIELDS (From Subject)]}: kept verbatim, spaces normalised. */
    private String readSection() {
        int openColumn = in.column();
        StringBuilder section = new StringBuilder();
        int depth = 0;
        while (!in.atEnd()) {
            char c = in.next();
            section.append(c);
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return section.toString().replaceAll("[ \t]+", " ");
            }
        }
        throw new SyntaxError(openColumn, "unclosed section '[': expected ']' before end of line");
    }

    private Pattern contextual(Pattern previous, Pattern current, int column) {
        if (!(previous instanceof Pattern.Atom atom) || !(current instanceof Pattern.ListOf list)) {
            return current;
        }
        String word = atom.text().toUpperCase(Locale.ROOT);
        if (word.equals("FLAGS") || word.equals("PERMANENTFLAGS")) {
            return flagSet(list, column);
        }
        if (word.equals("FETCH")) {
            return fetchItems(list, column);
        }
        return current;
    }

    private Pattern flagSet(Pattern.ListOf list, int column) {
        Set<String> required = new LinkedHashSet<>();
        Set<String> forbidden = new LinkedHashSet<>();
        boolean open = false;
        for (Pattern p : list.elements()) {
            if (p instanceof Pattern.Rest) {
                open = true;
            } else if (p instanceof Pattern.Atom flag && flag.text().startsWith("-") && flag.text().length() > 1) {
                forbidden.add(flag.text().substring(1));
            } else if (p instanceof Pattern.Atom flag) {
                required.add(flag.text());
            } else {
                throw new SyntaxError(column, "in a flag list expected a flag, -flag or '...', found " + describe(p));
            }
        }
        return new Pattern.FlagSet(line, required, forbidden, open);
    }

    private Pattern fetchItems(Pattern.ListOf list, int column) {
        List<Pattern.FetchItem> items = new ArrayList<>();
        List<Pattern> elements = list.elements();
        int i = 0;
        while (i < elements.size()) {
            Pattern name = elements.get(i);
            if (name instanceof Pattern.Rest) {
                i++;
                continue;
            }
            if (!(name instanceof Pattern.Atom atom)) {
                throw new SyntaxError(column, "in a FETCH list expected an item name (FLAGS, UID, BODY[...] ...), found " + describe(name));
            }
            if (i + 1 >= elements.size() || elements.get(i + 1) instanceof Pattern.Rest) {
                throw new SyntaxError(column, "in a FETCH list expected a value after " + atom.text());
            }
            Pattern value = elements.get(i + 1);
            if (atom.text().equalsIgnoreCase("FLAGS") && value instanceof Pattern.ListOf flags) {
                value = flagSet(flags, column);
            }
            items.add(new Pattern.FetchItem(line, atom.text().toUpperCase(Locale.ROOT), value));
            i += 2;
        }
        return new Pattern.FetchItems(line, items);
    }

    private static String describe(Pattern p) {
        if (p instanceof Pattern.Atom a) {
            return "atom " + a.text();
        } else if (p instanceof Pattern.Number n) {
            return "number " + n.value();
        } else if (p instanceof Pattern.Text t) {
            return "string \"" + t.value() + "\"";
        } else if (p instanceof Pattern.Capture c) {
            return "$" + c.name();
        } else if (p instanceof Pattern.CaptureMatching c) {
            return "$" + c.name() + "~\"" + c.regex().regex().pattern() + "\"";
        } else if (p instanceof Pattern.MessageRef m) {
            return "#" + m.fixtureIndex();
        } else if (p instanceof Pattern.AnyValue) {
            return "'*'";
        } else if (p instanceof Pattern.Code) {
            return "a [code]";
        }
        return "a nested list";
    }
}
