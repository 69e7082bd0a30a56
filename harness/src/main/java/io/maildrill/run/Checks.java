package io.maildrill.run;

import io.maildrill.imap.SequenceSet;
import io.maildrill.run.match.Value;
import io.maildrill.run.session.StepFailure;
import io.maildrill.script.ast.Comparison;
import io.maildrill.script.ast.Operand;
import io.maildrill.script.ast.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Runs {@code check LEFT OP RIGHT [or ...]}: equality by the script's rules, ordering for numbers only; any comparison that holds passes. */
final class Checks {

    private Checks() {
    }

    static void run(Statement.Check check, Operands operands) {
        List<String> failed = new ArrayList<>();
        boolean alternatives = check.anyOf().size() > 1;
        for (Comparison.Of c : check.anyOf()) {
            Value left;
            Value right;
            try {
                left = operands.value(c.left(), check.line());
                right = operands.value(c.right(), check.line());
            } catch (StepFailure cannotEvaluate) {
                if (!alternatives) {
                    throw cannotEvaluate;
                }
                // One of several choices the server had: a value it never gave (a capture on a
                // response that did not come) means this choice was not taken; another may hold.
                failed.add(text(c) + ": " + cannotEvaluate.actual());
                continue;
            }
            if (holds(c, left, right, check.line())) {
                return;
            }
            failed.add((alternatives ? text(c) + ": " : "") + "left  = " + Value.describe(left)
                    + "\nright = " + Value.describe(right) + firstDifference(left, right));
        }
        String written = check.anyOf().stream().map(Checks::text).collect(Collectors.joining(" or "));
        throw new StepFailure(check.line(), "script", "", "check " + written, String.join("\n", failed));
    }

    private static boolean holds(Comparison.Of c, Value left, Value right, int line) {
        Comparison op = c.comparison();
        if (op == Comparison.EQ || op == Comparison.NE) {
            return left.sameAs(right) == (op == Comparison.EQ);
        }
        if (op == Comparison.IN || op == Comparison.NOT_IN) {
            OptionalLong n = left.asNumber();
            String set = new String(right.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            String expected = "a number " + op.symbol() + " a sequence set: check " + text(c);
            String values = "left " + Value.describe(left) + ", right " + Value.describe(right);
            if (n.isEmpty()) {
                throw new StepFailure(line, "script", "", expected, values + ": left is not a number");
            }
            try {
                return SequenceSet.contains(set, n.getAsLong()) == (op == Comparison.IN);
            } catch (IllegalArgumentException notASet) {
                throw new StepFailure(line, "script", "", expected, values + ": " + notASet.getMessage());
            }
        }
        OptionalLong a = left.asNumber();
        OptionalLong b = right.asNumber();
        if (a.isEmpty() || b.isEmpty()) {
            throw new StepFailure(line, "script", "", "numbers on both sides of check " + text(c),
                    "left " + Value.describe(left) + ", right " + Value.describe(right));
        }
        long x = a.getAsLong();
        long y = b.getAsLong();
        return switch (op) {
            case LT -> x < y;
            case LE -> x <= y;
            case GT -> x > y;
            case GE -> x >= y;
            default -> throw new IllegalStateException(op.toString());
        };
    }

    private static String text(Comparison.Of c) {
        return text(c.left()) + " " + c.comparison().symbol() + " " + text(c.right());
    }

    /** Where two octet strings first differ: the most useful clue when 2 KB of headers are compared. */
    private static String firstDifference(Value left, Value right) {
        if (left.asNumber().isPresent() && right.asNumber().isPresent()) {
            return "";
        }
        byte[] a = left.bytes();
        byte[] b = right.bytes();
        int i = 0;
        while (i < a.length && i < b.length && a[i] == b[i]) {
            i++;
        }
        if (i == a.length && i == b.length) {
            return "";
        }
        int from = Math.max(0, i - 20);
        return "\nfirst difference at octet " + i + " (left " + a.length + " octets, right " + b.length + "): left "
                + Value.describe(new Value.Bytes(java.util.Arrays.copyOfRange(a, from, Math.min(a.length, i + 20))))
                + " vs right " + Value.describe(new Value.Bytes(java.util.Arrays.copyOfRange(b, from, Math.min(b.length, i + 20))));
    }

    /** An operand as the script writes it. */
    static String text(Operand o) {
        if (o instanceof Operand.Variable v) {
            return "$" + v.name();
        }
        if (o instanceof Operand.NumberValue n) {
            return Long.toString(n.value());
        }
        if (o instanceof Operand.TextValue t) {
            return "\"" + t.value() + "\"";
        }
        if (o instanceof Operand.SizeOf s) {
            return "size($" + s.variable() + ")";
        }
        if (o instanceof Operand.Sha256Of s) {
            return "sha256($" + s.variable() + ")";
        }
        if (o instanceof Operand.FixtureCount) {
            return "fixture.count";
        }
        if (o instanceof Operand.SessionCount c) {
            return c.session() + ".count";
        }
        if (o instanceof Operand.SessionLongestStatusLine l) {
            return l.session() + ".longest-status-line";
        }
        if (o instanceof Operand.LongestLine l) {
            return "longest-line($" + l.variable() + ")";
        }
        if (o instanceof Operand.Repeat r) {
            return "repeat(\"" + r.unit() + "\", " + r.times() + ")";
        }
        if (o instanceof Operand.Enumerate e) {
            return "enumerate(" + e.first() + ", " + e.last() + ")";
        }
        if (o instanceof Operand.Now) {
            return "now";
        }
        if (o instanceof Operand.DurationValue d) {
            long ms = d.duration().toMillis();
            return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
        }
        if (o instanceof Operand.SessionClosed c) {
            return c.session() + ".closed";
        }
        if (o instanceof Operand.Arithmetic a) {
            return text(a.left()) + " " + a.op().symbol() + " " + text(a.right());
        }
        if (o instanceof Operand.Concatenation c) {
            return c.parts().stream().map(Checks::text).collect(java.util.stream.Collectors.joining(" "));
        }
        Operand.FixtureValue f = (Operand.FixtureValue) o;
        String name = "fixture." + f.property().name().toLowerCase(java.util.Locale.ROOT) + "(" + f.fixtureIndex();
        return name + (f.property() == Operand.FixtureProperty.TOP ? ", " + f.topLines() : "") + ")";
    }
}
