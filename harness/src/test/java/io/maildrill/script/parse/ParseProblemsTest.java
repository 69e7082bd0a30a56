package io.maildrill.script.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseProblemsTest {
    private static final int H = ScriptText.HEADER_LINES;

    private static List<ParseProblem> problems(String text) {
        ScriptParseException e = catchThrowableOfType(() -> ScriptParser.parse("bad.script", text), ScriptParseException.class);
        assertThat(e).as("expected a ScriptParseException").isNotNull();
        return e.problems();
    }

    private static ParseProblem only(String text) {
        List<ParseProblem> all = problems(text);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void reportsEveryProblemOfTheFileAtOnceInLineOrder() {
        List<ParseProblem> all = problems(ScriptText.imap(
                "session A imap account=1",
                "A< OK",
                "frobnicate now",
                "A> NOOP",
                "A< * (unclosed",
                "A< OK",
                "Z> NOOP",
                "sleep 2h"));
        assertThat(all).extracting(ParseProblem::line).containsExactly(H + 2, H + 3, H + 5, H + 7, H + 8);
        assertThat(all.get(0).message()).contains("no command of A awaits responses");
        assertThat(all.get(1).message()).contains("expected a statement").contains("'frobnicate'");
        assertThat(all.get(2).message()).contains("unclosed '('");
        assertThat(all.get(2).column()).isEqualTo(6);
        assertThat(all.get(3).message()).contains("unknown session Z");
        assertThat(all.get(4).message()).contains("duration");
        assertThat(all.get(0).describe()).isEqualTo("bad.script:" + (H + 2) + ":1: " + all.get(0).message());
    }

    @Test
    void describeLeavesOutAnUnknownColumn() {
        assertThat(new ParseProblem("f.script", 3, 0, "m").describe()).isEqualTo("f.script:3: m");
        assertThat(new ParseProblem("f.script", 3, 7, "m").describe()).isEqualTo("f.script:3:7: m");
    }

    @Test
    void exceptionMessageListsFileLineAndColumn() {
        ScriptParseException e = catchThrowableOfType(() -> ScriptParser.parse("x.script",
                ScriptText.pop3("session A pop3 account=1", "A> STAT", "A< OK")), ScriptParseException.class);
        assertThat(e.getMessage()).contains("x.script:" + (H + 3) + ":4: OK is a IMAP status; this is a POP3 session");
    }

    @Test
    void missingHeaderEntriesAreEachReported() {
        List<ParseProblem> all = problems("@title only a title\nsession A imap account=1\n");
        assertThat(all).extracting(ParseProblem::message).anyMatch(m -> m.startsWith("missing @covers"))
                .anyMatch(m -> m.startsWith("missing @level")).anyMatch(m -> m.startsWith("missing @protocols"))
                .anyMatch(m -> m.startsWith("missing @category"));
        assertThat(all).allMatch(p -> p.line() == 1);
    }

    @Test
    void badHeaderValuesPointAtTheValue() {
        List<ParseProblem> all = problems("""
                @title t
                @covers P25 X99
                @level MUSTNT
                @protocols imap smtp
                @category Deletion
                @fixture messages=many
                @destructive yes
                @colour red
                session A imap account=1
                """);
        assertThat(all).extracting(ParseProblem::line).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(all.get(0).message()).contains("expected a catalog ID").contains("'X99'");
        assertThat(all.get(0).column()).isEqualTo(13);
        assertThat(all.get(1).message()).contains("expected a level");
        assertThat(all.get(2).message()).contains("'smtp'");
        assertThat(all.get(3).message()).contains("lower-case category");
        assertThat(all.get(4).message()).contains("messages: expected a number");
        assertThat(all.get(5).message()).contains("takes no value");
        assertThat(all.get(6).message()).contains("unknown header '@colour'");
    }

    @Test
    void groupWithoutStatusIsReportedAtItsFirstLine() {
        ParseProblem p = only(ScriptText.imap("session A imap account=1", "A> NOOP", "A< * 1 EXISTS", "A> NOOP", "A< OK"));
        assertThat(p.line()).isEqualTo(H + 3);
        assertThat(p.message()).contains("command at line " + (H + 2)).contains("without a status line");
    }

    @Test
    void commandNeverAnsweredIsReportedAtTheSendLine() {
        ParseProblem p = only(ScriptText.imap("session A imap account=1", "A/t1> NOOP", "A> NOOP", "A< OK"));
        assertThat(p.line()).isEqualTo(H + 2);
        assertThat(p.message()).contains("never gets a status expectation").contains("A/t1<");
    }

    @Test
    void unboundVariablesAndOutOfRangeMessageRefs() {
        List<ParseProblem> all = problems(ScriptText.imap("session A imap account=1",
                "A> UID FETCH $nope (FLAGS)", "A< * #9 FETCH (UID *)", "A< OK", "check size($gone) == 1"));
        assertThat(all).extracting(ParseProblem::message).containsExactly(
                "variable $nope is not bound before this line (expected a capture $nope in an earlier pattern, or 'set $nope = ...')",
                "#9 is outside the fixture (expected 1..5, from @fixture messages=5)",
                "variable $gone is not bound before this line (expected a capture $gone in an earlier pattern, or 'set $gone = ...')");
        assertThat(all.get(0).column()).isEqualTo(14);
    }

    @Test
    void protocolMismatches() {
        List<ParseProblem> all = problems(ScriptText.pop3("session A pop3 account=1",
                "A/t1> STAT", "A> STAT", "A< * 1 EXISTS", "A< +OK", "A: select", "session B imap account=1", "converge B"));
        assertThat(all).extracting(ParseProblem::message).anyMatch(m -> m.startsWith("explicit tags are IMAP only"))
                .anyMatch(m -> m.startsWith("untagged '*' responses are IMAP only"))
                .anyMatch(m -> m.startsWith("'select' is IMAP only"))
                .anyMatch(m -> m.contains("session B is imap but @protocols does not list it"));
    }

    @Test
    void idleRulesAndCapabilityGating() {
        String text = """
                @title t
                @covers I47
                @level MUST
                @protocols imap
                @category synchronisation
                session A imap account=1
                A: idle
                A> NOOP
                A< OK
                A: starttls
                """;
        List<ParseProblem> all = problems(text);
        assertThat(all).extracting(ParseProblem::line).contains(7, 8, 9);
        assertThat(all).extracting(ParseProblem::message)
                .anyMatch(m -> m.contains("'idle' needs '@requires imap IDLE'"))
                .anyMatch(m -> m.contains("A is idling since line 7"))
                .anyMatch(m -> m.contains("only '* ...' lines may be expected now"));
    }

    @Test
    void malformedPatternsAndEscapes() {
        List<ParseProblem> all = problems(ScriptText.imap("session A imap account=1",
                "A>> \"abc",
                "A>> \"\\q\"",
                "A>> \"\\xZZ\"",
                "A> NOOP",
                "A< * 1 FETCH (... UID 1)",
                "A< * OK ~\"(\"",
                "A< * 1 FETCH (UID)",
                "A< * FLAGS ((nested))",
                "A< OK"));
        assertThat(all).extracting(ParseProblem::line).containsExactly(H + 2, H + 3, H + 4, H + 6, H + 7, H + 8, H + 9);
        assertThat(all).extracting(ParseProblem::message).containsExactly(
                "unterminated string: expected closing '\"' before end of line",
                "unknown escape '\\q' (expected: \\r \\n \\t \\0 \\\\ \\\" \\xHH)",
                "expected two hex digits after \\x, found 'ZZ\"'",
                "'...' must be the last element of its list or line, found 'UID 1)'",
                "bad regex: Unclosed group",
                "in a FETCH list expected a value after UID",
                "in a flag list expected a flag, -flag or '...', found a nested list");
        assertThat(all.get(0).column()).isEqualTo(5);
    }

    @Test
    void tagMisuse() {
        List<ParseProblem> all = problems(ScriptText.imap("session A imap account=1",
                "A/A7> NOOP",
                "A/x1>> \"y1 NOOP\\r\\n\"",
                "A/t1: idle",
                "A/p1> NOOP",
                "A/p1> NOOP",
                "A/p1< OK"));
        assertThat(all).extracting(ParseProblem::line).containsExactly(H + 2, H + 3, H + 4, H + 6);
        assertThat(all.get(0).message()).contains("looks like an automatic tag of A");
        assertThat(all.get(1).message()).contains("must start with the tag");
        assertThat(all.get(2).message()).contains("a tag only goes with");
        assertThat(all.get(3).message()).contains("tag p1 is still awaiting its status");
    }

    @Test
    void sessionDeclarationProblems() {
        List<ParseProblem> all = problems(ScriptText.imap(
                "session a imap account=1",
                "session A smtp account=1",
                "session A imap",
                "session A imap account=0",
                "session A imap account=1 colour=red",
                "session B pop3 account=1 select=INBOX",
                "session C imap account=1 login=none select=auto",
                "session D imap account=1",
                "session D imap account=2"));
        assertThat(all).extracting(ParseProblem::line).containsExactly(
                H + 1, H + 2, H + 3, H + 4, H + 5, H + 6, H + 7, H + 9);
    }

    @Test
    void parseFromFileUsesThePathAsSourceName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("one.script");
        Files.writeString(file, ScriptText.imap("session A imap account=1", "A> NOOP", "A< OK"));
        assertThat(io.maildrill.script.parse.ScriptParser.parse(file).sourceName()).isEqualTo(file.toString());
        Files.writeString(file, ScriptText.imap("session A imap account=1", "A> NOOP", "A< YES"));
        ScriptParseException e = catchThrowableOfType(() -> ScriptParser.parse(file), ScriptParseException.class);
        assertThat(e.problems().get(0).describe()).startsWith(file + ":" + (H + 3) + ":4: expected OK, NO, BAD or BYE");
    }
}
