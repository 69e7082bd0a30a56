package io.maildrill.script.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.script.ast.ByteString;
import io.maildrill.script.ast.Expectation;
import io.maildrill.script.ast.Pattern;
import io.maildrill.script.ast.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatternParsingTest {
    private static final int L = ScriptText.HEADER_LINES + 3;

    /** Parses one untagged expectation line and returns its pattern. */
    private static List<Pattern> untagged(String pattern) throws ScriptParseException {
        var script = ScriptParser.parse("p", ScriptText.imap(
                "session A imap account=1", "A> NOOP", "A< * " + pattern, "A< OK"));
        var group = (Statement.Expect) script.statements().get(1);
        return ((Expectation.Untagged) group.expectations().get(0)).pattern();
    }

    @Test
    void atomsNumbersStringsAndWildcards() throws Exception {
        assertThat(untagged("3 EXISTS")).containsExactly(new Pattern.Number(L, 3), new Pattern.Atom(L, "EXISTS"));
        assertThat(untagged("OK [UIDNEXT $next] ...")).containsExactly(
                new Pattern.Atom(L, "OK"),
                new Pattern.Code(L, List.of(new Pattern.Atom(L, "UIDNEXT"), new Pattern.Capture(L, "next"))),
                new Pattern.Rest(L));
        assertThat(untagged("LIST (*) \"/\" \"a\\\"b\"")).containsExactly(
                new Pattern.Atom(L, "LIST"), new Pattern.ListOf(L, List.of(new Pattern.AnyValue(L))),
                new Pattern.Text(L, ByteString.ascii("/")), new Pattern.Text(L, ByteString.ascii("a\"b")));
        assertThat(untagged("SEARCH #1 #4.uid")).containsExactly(new Pattern.Atom(L, "SEARCH"),
                new Pattern.MessageRef(L, 1, Pattern.RefKind.SEQUENCE), new Pattern.MessageRef(L, 4, Pattern.RefKind.UID));
        assertThat(untagged("ESEARCH ALL 1:3")).containsExactly(new Pattern.Atom(L, "ESEARCH"),
                new Pattern.Atom(L, "ALL"), new Pattern.Atom(L, "1:3"));
    }

    @Test
    void flagListsAfterFlagsBecomeSets() throws Exception {
        assertThat(untagged("FLAGS (\\Seen \\Answered)")).containsExactly(new Pattern.Atom(L, "FLAGS"),
                new Pattern.FlagSet(L, Set.of("\\Seen", "\\Answered"), Set.of(), false));
        assertThat(untagged("OK [PERMANENTFLAGS (\\Deleted -\\Seen \\* ...)] ...").get(1)).isEqualTo(
                new Pattern.Code(L, List.of(new Pattern.Atom(L, "PERMANENTFLAGS"),
                        new Pattern.FlagSet(L, Set.of("\\Deleted", "\\*"), Set.of("\\Seen"), true))));
    }

    @Test
    void fetchListsBecomeItemMapsWithSectionsKeptWhole() throws Exception {
        List<Pattern> p = untagged("#2 FETCH (UID $u BODY[HEADER.FIELDS (From  Subject)]<0> \"x\" flags (-\\Seen ...) RFC822.SIZE *)");
        assertThat(p.get(2)).isEqualTo(new Pattern.FetchItems(L, List.of(
                new Pattern.FetchItem(L, "UID", new Pattern.Capture(L, "u")),
                new Pattern.FetchItem(L, "BODY[HEADER.FIELDS (FROM SUBJECT)]<0>", new Pattern.Text(L, ByteString.ascii("x"))),
                new Pattern.FetchItem(L, "FLAGS", new Pattern.FlagSet(L, Set.of(), Set.of("\\Seen"), true)),
                new Pattern.FetchItem(L, "RFC822.SIZE", new Pattern.AnyValue(L)))));
    }

    @Test
    void nestedListsAndRegex() throws Exception {
        List<Pattern> p = untagged("#1 FETCH (ENVELOPE (* ~\"Re: .*\" ((NIL NIL \"a\" \"b\")) ...))");
        var envelope = ((Pattern.FetchItems) p.get(2)).items().get(0).value();
        assertThat(envelope).isInstanceOf(Pattern.ListOf.class);
        var elements = ((Pattern.ListOf) envelope).elements();
        assertThat(elements).hasSize(4);
        assertThat(((Pattern.Regex) elements.get(1)).regex().pattern()).isEqualTo("Re: .*");
        assertThat(elements.get(2)).isEqualTo(new Pattern.ListOf(L, List.of(new Pattern.ListOf(L, List.of(
                new Pattern.Atom(L, "NIL"), new Pattern.Atom(L, "NIL"),
                new Pattern.Text(L, ByteString.ascii("a")), new Pattern.Text(L, ByteString.ascii("b")))))));
        assertThat(elements.get(3)).isEqualTo(new Pattern.Rest(L));
    }

    @Test
    void escapedBackslashFlagsInsideStringsAndPlainFlagAtoms() throws Exception {
        assertThat(untagged("\"\\\\Seen\" \\Seen")).containsExactly(
                new Pattern.Text(L, ByteString.ascii("\\Seen")), new Pattern.Atom(L, "\\Seen"));
    }

    @Test
    void nestingIsBoundedWithAProblemAtTheLineNotAStackOverflow() throws Exception {
        String deepest = "(".repeat(PatternReader.MAX_NESTING) + "x" + ")".repeat(PatternReader.MAX_NESTING);
        assertThat(untagged("LIST " + deepest)).hasSize(2);
        for (int depth : new int[] {PatternReader.MAX_NESTING + 1, 1_000, 5_000, 100_000}) {
            String line = "LIST " + "(".repeat(depth) + "x" + ")".repeat(depth);
            ScriptParseException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> untagged(line),
                    ScriptParseException.class);
            assertThat(e).as("depth %d", depth).isNotNull();
            assertThat(e.getMessage()).contains("p:" + L + ":").contains("nested deeper than " + PatternReader.MAX_NESTING);
        }
    }
}
