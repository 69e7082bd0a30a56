package io.maildrill.run.match;

import io.maildrill.imap.ImapValue;
import io.maildrill.imap.Str;
import io.maildrill.script.ast.Pattern;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Matches pattern sequences (docs/scripts.md "Patterns") against parsed response data. A pattern
 * sequence must cover the whole data unless it ends in {@code ...}; there is no backtracking
 * because {@code ...} may only stand last.
 *
 * <p>Captures bind into the {@link Bindings} given to {@link #matches}; callers pass a tentative
 * copy and commit it only on success. In {@code not} lines ({@code bindCaptures == false}) an
 * unbound capture acts as {@code *}.
 */
public final class PatternMatcher {

    private final RefResolver refs;
    private final boolean bindCaptures;

    public PatternMatcher(RefResolver refs, boolean bindCaptures) {
        this.refs = refs;
        this.bindCaptures = bindCaptures;
    }

    /** Whether {@code patterns} match all of {@code data}. */
    public boolean matches(List<Pattern> patterns, List<Datum> data, Bindings bindings) {
        for (int i = 0; i < patterns.size(); i++) {
            Pattern p = patterns.get(i);
            if (p instanceof Pattern.Rest) {
                return i + 3 != patterns.size() || containsOne(patterns.get(i + 1), data.subList(Math.min(i, data.size()),
                        data.size()), bindings);
            }
            if (i >= data.size() || !matchOne(p, data.get(i), bindings)) {
                return false;
            }
        }
        return patterns.size() == data.size();
    }

    /** {@code ... p ...}: the first of {@code data} that matches {@code p} (its captures bind). */
    private boolean containsOne(Pattern p, List<Datum> data, Bindings bindings) {
        for (Datum d : data) {
            Bindings attempt = bindings.tentative();
            if (matchOne(p, d, attempt)) {
                bindings.commit(attempt);
                return true;
            }
        }
        return false;
    }

    private boolean matchValues(List<Pattern> patterns, List<ImapValue> values, Bindings bindings) {
        return matches(patterns, Datum.plain(values), bindings);
    }

    private boolean matchOne(Pattern p, Datum d, Bindings bindings) {
        if (p instanceof Pattern.AnyValue) {
            return true;
        }
        if (p instanceof Pattern.Code code) {
            return d instanceof Datum.Code c && matchValues(code.elements(), c.elements(), bindings);
        }
        if (p instanceof Pattern.Capture capture) {
            return matchCapture(capture.name(), d, bindings);
        }
        if (p instanceof Pattern.CaptureMatching capture) {
            return matchOne(capture.regex(), d, bindings) && matchCapture(capture.name(), d, bindings);
        }
        if (!(d instanceof Datum.Plain plain)) {
            return false;
        }
        ImapValue v = plain.value();
        if (p instanceof Pattern.Atom atom) {
            return matchAtom(atom.text(), v);
        }
        if (p instanceof Pattern.Number n) {
            return v instanceof ImapValue.Num num && num.value() == n.value();
        }
        if (p instanceof Pattern.Text text) {
            byte[] want = text.value().toByteArray();
            if (v instanceof Str s) {
                return s.retained() && s.contentEquals(want);
            }
            // POP3 words and IMAP atoms have no quoted form: compare them byte-exact (an extension)
            return v instanceof ImapValue.Atom a && a.text().equals(new String(want, StandardCharsets.ISO_8859_1));
        }
        if (p instanceof Pattern.MessageRef ref) {
            return matchRef(ref, v);
        }
        if (p instanceof Pattern.Regex regex) {
            Optional<String> text = textOf(v);
            return text.isPresent() && regex.regex().matcher(text.get()).matches();
        }
        if (p instanceof Pattern.ListOf list) {
            return v instanceof ImapValue.ListValue lv && matchValues(list.elements(), lv.items(), bindings);
        }
        if (p instanceof Pattern.FlagSet flags) {
            return v instanceof ImapValue.ListValue lv && matchFlags(flags, lv);
        }
        if (p instanceof Pattern.FetchItems items) {
            return v instanceof ImapValue.ListValue lv && matchFetchItems(items, lv, bindings);
        }
        return false;
    }

    private boolean matchCapture(String name, Datum d, Bindings bindings) {
        Value actual = capturedValue(d);
        Optional<Value> bound = bindings.get(name);
        if (bound.isPresent()) {
            return bound.get().sameAs(actual);
        }
        if (bindCaptures) {
            bindings.bind(name, actual);
        }
        return true;
    }

    /** What a capture binds: numbers as numbers, strings by content, anything else by its wire text. */
    public static Value capturedValue(Datum d) {
        if (d instanceof Datum.Plain plain) {
            ImapValue v = plain.value();
            if (v instanceof ImapValue.Num n) {
                return new Value.Num(n.value());
            }
            if (v instanceof Str s && s.retained()) {
                return new Value.Bytes(s.bytes());
            }
            if (v instanceof ImapValue.Atom a) {
                return Value.text(a.text());
            }
            return Value.text(v.toString());
        }
        return Value.text(d.toString());
    }

    private boolean matchRef(Pattern.MessageRef ref, ImapValue v) {
        if (ref.kind() == Pattern.RefKind.SEQUENCE) {
            OptionalLong seq = refs.sequence(ref.fixtureIndex());
            return seq.isPresent() && v instanceof ImapValue.Num n && n.value() == seq.getAsLong();
        }
        Optional<Value> uid = refs.uid(ref.fixtureIndex());
        if (uid.isEmpty()) {
            return false;
        }
        Optional<String> text = textOf(v);
        return text.isPresent() && uid.get().sameAs(Value.text(text.get()));
    }

    /**
     * An atom in a pattern matches an atom or a string of the same value: where the grammar has an
     * astring (mailbox names, header field names, RFC 3501 §9), a server may send either form.
     */
    static boolean matchAtom(String pattern, ImapValue v) {
        if (v instanceof ImapValue.Atom a) {
            return fold(a.text()).equals(fold(pattern));
        }
        if (v instanceof Str s && s.retained()) {
            return fold(s.text()).equals(fold(pattern));
        }
        return v instanceof ImapValue.Nil && pattern.equalsIgnoreCase("NIL");
    }

    /**
     * Atoms compare ignoring ASCII case, with runs of spaces inside sections folded to one, and
     * quoted strings inside a section by their value: {@code BODY[HEADER.FIELDS ("From")]} is
     * {@code BODY[HEADER.FIELDS (FROM)]} (header-fld-name is an astring, RFC 3501 §9).
     */
    static String fold(String atom) {
        return unquoteSectionStrings(atom).replaceAll(" +", " ").toUpperCase(Locale.ROOT);
    }

    private static String unquoteSectionStrings(String atom) {
        int open = atom.indexOf('[');
        if (open < 0 || atom.indexOf('"', open) < 0) {
            return atom;
        }
        StringBuilder out = new StringBuilder(atom.length());
        boolean quoted = false;
        for (int i = 0; i < atom.length(); i++) {
            char c = atom.charAt(i);
            if (i > open && c == '"') {
                quoted = !quoted;
            } else if (quoted && c == '\\' && i + 1 < atom.length()) {
                out.append(atom.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Optional<String> textOf(ImapValue v) {
        if (v instanceof ImapValue.Atom a) {
            return Optional.of(a.text());
        }
        if (v instanceof ImapValue.Num n) {
            return Optional.of(Long.toString(n.value()));
        }
        if (v instanceof Str s && s.retained()) {
            return Optional.of(s.text());
        }
        return Optional.empty();
    }

    private static boolean matchFlags(Pattern.FlagSet pattern, ImapValue.ListValue list) {
        Set<String> actual = new HashSet<>();
        for (ImapValue item : list.items()) {
            if (!(item instanceof ImapValue.Atom a)) {
                return false;
            }
            actual.add(a.text().toUpperCase(Locale.ROOT));
        }
        Set<String> required = upper(pattern.required());
        Set<String> forbidden = upper(pattern.forbidden());
        if (!required.contains("\\RECENT") && !forbidden.contains("\\RECENT")) {
            actual.remove("\\RECENT"); // rev1 and rev2 servers alike, unless the pattern names it
        }
        if (!actual.containsAll(required)) {
            return false;
        }
        for (String f : forbidden) {
            if (actual.contains(f)) {
                return false;
            }
        }
        if (pattern.open()) {
            return true;
        }
        actual.removeAll(required);
        return actual.isEmpty();
    }

    private static Set<String> upper(Set<String> flags) {
        Set<String> out = new HashSet<>();
        flags.forEach(f -> out.add(f.toUpperCase(Locale.ROOT)));
        return out;
    }

    private boolean matchFetchItems(Pattern.FetchItems pattern, ImapValue.ListValue list, Bindings bindings) {
        List<ImapValue> items = list.items();
        for (Pattern.FetchItem wanted : pattern.items()) {
            boolean found = false;
            for (int i = 0; i + 1 < items.size(); i += 2) {
                if (matchAtom(wanted.name(), items.get(i))) {
                    if (!matchOne(wanted.value(), new Datum.Plain(items.get(i + 1)), bindings)) {
                        return false;
                    }
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
