package io.maildrill.run.match;

import io.maildrill.script.ast.Pattern;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Renders patterns back into script notation for failure messages, with each {@code #k} followed by
 * what it resolved to, e.g. {@code * #4 EXPUNGE (#4 = 3)}.
 */
public final class PatternText {

    private PatternText() {
    }

    public static String render(List<Pattern> patterns) {
        return patterns.stream().map(PatternText::render).collect(Collectors.joining(" "));
    }

    /** As {@link #render(List)}, then the resolution of every message reference in it. */
    public static String renderResolved(List<Pattern> patterns, RefResolver refs) {
        StringBuilder refsText = new StringBuilder();
        appendRefs(patterns, refs, refsText);
        String text = render(patterns);
        return refsText.length() == 0 ? text : text + " (" + refsText + ")";
    }

    private static void appendRefs(List<Pattern> patterns, RefResolver refs, StringBuilder out) {
        for (Pattern p : patterns) {
            if (p instanceof Pattern.MessageRef ref) {
                out.append(out.length() == 0 ? "" : ", ").append(render(ref)).append(" = ");
                if (ref.kind() == Pattern.RefKind.SEQUENCE) {
                    OptionalLong seq = refs.sequence(ref.fixtureIndex());
                    out.append(seq.isPresent() ? Long.toString(seq.getAsLong()) : "expunged");
                } else {
                    out.append(refs.uid(ref.fixtureIndex()).map(Value::toString).orElse("unknown"));
                }
            } else if (p instanceof Pattern.ListOf l) {
                appendRefs(l.elements(), refs, out);
            } else if (p instanceof Pattern.Code c) {
                appendRefs(c.elements(), refs, out);
            } else if (p instanceof Pattern.FetchItems items) {
                appendRefs(items.items().stream().map(Pattern.FetchItem::value).toList(), refs, out);
            }
        }
    }

    public static String render(Pattern p) {
        if (p instanceof Pattern.Atom a) {
            return a.text();
        }
        if (p instanceof Pattern.Number n) {
            return Long.toString(n.value());
        }
        if (p instanceof Pattern.Text t) {
            return "\"" + t.value() + "\"";
        }
        if (p instanceof Pattern.AnyValue) {
            return "*";
        }
        if (p instanceof Pattern.Rest) {
            return "...";
        }
        if (p instanceof Pattern.Capture c) {
            return "$" + c.name();
        }
        if (p instanceof Pattern.CaptureMatching c) {
            return "$" + c.name() + "~\"" + c.regex().regex().pattern() + "\"";
        }
        if (p instanceof Pattern.MessageRef r) {
            return "#" + r.fixtureIndex() + (r.kind() == Pattern.RefKind.UID ? ".uid" : "");
        }
        if (p instanceof Pattern.Regex r) {
            return "~\"" + r.regex().pattern() + "\"";
        }
        if (p instanceof Pattern.ListOf l) {
            return "(" + render(l.elements()) + ")";
        }
        if (p instanceof Pattern.Code c) {
            return "[" + render(c.elements()) + "]";
        }
        if (p instanceof Pattern.FlagSet f) {
            StringBuilder sb = new StringBuilder("(");
            f.required().stream().sorted().forEach(x -> sb.append(sb.length() > 1 ? " " : "").append(x));
            f.forbidden().stream().sorted().forEach(x -> sb.append(sb.length() > 1 ? " " : "").append('-').append(x));
            if (f.open()) {
                sb.append(sb.length() > 1 ? " " : "").append("...");
            }
            return sb.append(')').toString();
        }
        if (p instanceof Pattern.FetchItems items) {
            return "(" + items.items().stream().map(i -> i.name() + " " + render(i.value()))
                    .collect(Collectors.joining(" ")) + ")";
        }
        return p.toString();
    }
}
