package io.maildrill.run.match;

import io.maildrill.imap.ImapValue;
import io.maildrill.imap.Str;
import io.maildrill.script.ast.Pattern;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PatternMatcherTest {

    private static final PatternMatcher MATCHER = new PatternMatcher(RefResolver.NONE, true);

    private static ImapValue atom(String s) {
        return new ImapValue.Atom(s);
    }

    private static ImapValue num(long n) {
        return new ImapValue.Num(n);
    }

    private static ImapValue list(ImapValue... items) {
        return new ImapValue.ListValue(List.of(items));
    }

    private static boolean matches(List<Pattern> patterns, Bindings b, ImapValue... values) {
        return MATCHER.matches(patterns, Datum.plain(List.of(values)), b);
    }

    @Test
    void atomsIgnoreCaseAndFoldSectionSpaces() {
        List<Pattern> p = List.of(new Pattern.Atom(1, "body[header.fields (from  subject)]"));
        assertThat(matches(p, new Bindings(), atom("BODY[HEADER.FIELDS (FROM SUBJECT)]"))).isTrue();
        assertThat(matches(p, new Bindings(), atom("BODY[HEADER]"))).isFalse();
    }

    @Test
    void sectionHeaderFieldNamesCompareByValueQuotedOrNot() {
        List<Pattern> p = List.of(new Pattern.Atom(1, "BODY[HEADER.FIELDS (FROM SUBJECT)]"));
        assertThat(matches(p, new Bindings(), atom("BODY[HEADER.FIELDS (\"FROM\" \"Subject\")]"))).isTrue();
        assertThat(matches(p, new Bindings(), atom("BODY[HEADER.FIELDS (\"FROM\" \"TO\")]"))).isFalse();
    }

    @Test
    void anAtomPatternMatchesAStringOfTheSameValue() {
        List<Pattern> p = List.of(new Pattern.Atom(1, "INBOX"));
        assertThat(matches(p, new Bindings(), Str.quoted("INBOX"))).isTrue();
        assertThat(matches(p, new Bindings(), Str.quoted("INBOX.Trash"))).isFalse();
    }

    @Test
    void restPatternRestFindsTheValueAnywhere() {
        List<Pattern> p = List.of(new Pattern.Atom(1, "CAPABILITY"), new Pattern.Rest(1), new Pattern.Atom(1, "IMAP4rev1"),
                new Pattern.Rest(1));
        assertThat(matches(p, new Bindings(), atom("CAPABILITY"), atom("LITERAL+"), atom("IMAP4rev1"), atom("IDLE"))).isTrue();
        assertThat(matches(p, new Bindings(), atom("CAPABILITY"), atom("IMAP4rev1"))).isTrue();
        assertThat(matches(p, new Bindings(), atom("CAPABILITY"), atom("LITERAL+"), atom("IDLE"))).isFalse();
    }

    @Test
    void wholeLineUnlessRest() {
        List<Pattern> exact = List.of(new Pattern.Number(1, 3), new Pattern.Atom(1, "EXISTS"));
        assertThat(matches(exact, new Bindings(), num(3), atom("EXISTS"), atom("extra"))).isFalse();
        List<Pattern> open = List.of(new Pattern.Number(1, 3), new Pattern.Rest(1));
        assertThat(matches(open, new Bindings(), num(3), atom("EXISTS"), atom("extra"))).isTrue();
    }

    @Test
    void flagSetsIgnoreOrderAndRecentUnlessNamed() {
        Pattern exactly = new Pattern.FlagSet(1, Set.of("\\Seen", "\\Answered"), Set.of(), false);
        assertThat(matches(List.of(exactly), new Bindings(), list(atom("\\ANSWERED"), atom("\\Recent"), atom("\\seen")))).isTrue();
        assertThat(matches(List.of(exactly), new Bindings(), list(atom("\\Seen")))).isFalse();
        Pattern notSeen = new Pattern.FlagSet(1, Set.of(), Set.of("\\Seen"), true);
        assertThat(matches(List.of(notSeen), new Bindings(), list(atom("\\Flagged")))).isTrue();
        assertThat(matches(List.of(notSeen), new Bindings(), list(atom("\\Seen")))).isFalse();
    }

    @Test
    void fetchItemsAnyOrderAndCapturesBindThenEnforce() {
        Pattern items = new Pattern.FetchItems(1, List.of(
                new Pattern.FetchItem(1, "FLAGS", new Pattern.FlagSet(1, Set.of("\\Seen"), Set.of(), true)),
                new Pattern.FetchItem(1, "UID", new Pattern.Capture(1, "u"))));
        Bindings b = new Bindings();
        Bindings t = b.tentative();
        assertThat(matches(List.of(items), t, list(atom("UID"), num(7), atom("FLAGS"), list(atom("\\Seen"))))).isTrue();
        b.commit(t);
        assertThat(b.get("u")).contains(new Value.Num(7));
        assertThat(matches(List.of(items), b.tentative(), list(atom("FLAGS"), list(atom("\\Seen")), atom("UID"), num(8)))).isFalse();
        assertThat(matches(List.of(items), b.tentative(), list(atom("UID"), num(7)))).isFalse();
    }

    @Test
    void capturedLiteralBindsItsOctets() {
        Bindings b = new Bindings();
        Str literal = Str.retained(Str.Form.LITERAL, "a\r\nb".getBytes(StandardCharsets.US_ASCII));
        assertThat(matches(List.of(new Pattern.Capture(1, "x")), b, literal)).isTrue();
        assertThat(b.get("x").orElseThrow().bytes()).isEqualTo("a\r\nb".getBytes(StandardCharsets.US_ASCII));
        assertThat(matches(List.of(new Pattern.Text(1, io.maildrill.script.ast.ByteString.ascii("a\r\nb"))), b, literal)).isTrue();
    }

    @Test
    void codesMatchElementWise() {
        List<Pattern> p = List.of(new Pattern.Code(1, List.of(new Pattern.Atom(1, "UIDNEXT"), new Pattern.Capture(1, "n"))),
                new Pattern.Rest(1));
        Bindings b = new Bindings();
        List<Datum> data = List.of(new Datum.Code(List.of(atom("UIDNEXT"), num(12))), new Datum.Plain(atom("Predicted")));
        assertThat(MATCHER.matches(p, data, b)).isTrue();
        assertThat(b.get("n")).contains(new Value.Num(12));
        assertThat(MATCHER.matches(p, Datum.plain(List.of(atom("UIDNEXT"), num(12))), new Bindings())).isFalse();
    }
}
