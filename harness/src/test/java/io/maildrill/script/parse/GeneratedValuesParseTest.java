package io.maildrill.script.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.maildrill.script.ast.ByteString;
import io.maildrill.script.ast.CommandPart;
import io.maildrill.script.ast.Comparison;
import io.maildrill.script.ast.Operand;
import io.maildrill.script.ast.Script;
import io.maildrill.script.ast.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code set} with generated values (repeat, enumerate, concatenation), line-length operands, {@code {$x}} literals. */
class GeneratedValuesParseTest {
    private static final int H = ScriptText.HEADER_LINES;

    @Test
    void setConcatenatesGeneratedAndWrittenParts() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1",
                "set $line = \"x1 \" repeat(\"ab\", 3) enumerate(5, 8)",
                "set $one = repeat(\"z\", 10)",
                "A> APPEND INBOX {$line} {$one+}",
                "A< OK"));
        var s = script.statements();
        assertThat(s.get(0)).isEqualTo(new Statement.SetVariable(H + 2, "line", new Operand.Concatenation(List.of(
                new Operand.TextValue(ByteString.ascii("x1 ")), new Operand.Repeat(ByteString.ascii("ab"), 3),
                new Operand.Enumerate(5, 8)))));
        assertThat(s.get(1)).isEqualTo(new Statement.SetVariable(H + 3, "one", new Operand.Repeat(ByteString.ascii("z"), 10)));
        assertThat(((Statement.Send) s.get(2)).parts()).containsExactly(new CommandPart.Text("APPEND INBOX "),
                new CommandPart.VariableLiteral("line", false), new CommandPart.Text(" "),
                new CommandPart.VariableLiteral("one", true));
    }

    @Test
    void lineLengthOperandsOfValuesAndPop3Sessions() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.pop3(
                "session A pop3 account=1",
                "A> CAPA",
                "A< +OK",
                "A< content $capa",
                "check longest-line($capa) <= 512",
                "check A.longest-status-line <= 512"));
        var s = script.statements();
        assertThat(s.get(2)).isEqualTo(new Statement.Check(H + 5, new Operand.LongestLine("capa"), Comparison.LE,
                new Operand.NumberValue(512)));
        assertThat(s.get(3)).isEqualTo(new Statement.Check(H + 6, new Operand.SessionLongestStatusLine("A"), Comparison.LE,
                new Operand.NumberValue(512)));
    }

    @Test
    void aCaptureMayBeConstrainedByARegex() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.pop3(
                "session A pop3 account=1 login=none",
                "A< greeting +OK ... $stamp~\"<[^<>]+>\" ...",
                "check $stamp != \"\""));
        var greeting = (Statement.Expect) script.statements().get(0);
        var pattern = ((io.maildrill.script.ast.Expectation.Greeting) greeting.expectations().get(0)).pattern();
        assertThat(pattern.get(2)).isEqualTo(new io.maildrill.script.ast.Pattern.CaptureMatching(H + 2, "stamp",
                new io.maildrill.script.ast.Pattern.Regex(H + 2, java.util.regex.Pattern.compile("<[^<>]+>"))));
    }

    @Test
    void timingsDurationsArithmeticAndSessionState() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.pop3(
                "session A pop3 account=1",
                "set $t0 = now",
                "A> NOOP",
                "A< +OK",
                "check now - $t0 >= 2s or A.closed == 1"));
        assertThat(script.statements().get(0)).isEqualTo(new Statement.SetVariable(H + 2, "t0", new Operand.Now()));
        assertThat(script.statements().get(3)).isEqualTo(new Statement.Check(H + 5, List.of(
                new Comparison.Of(new Operand.Arithmetic(new Operand.Now(), Operand.ArithmeticOp.MINUS, new Operand.Variable("t0")),
                        Comparison.GE, new Operand.DurationValue(java.time.Duration.ofSeconds(2))),
                new Comparison.Of(new Operand.SessionClosed("A"), Comparison.EQ, new Operand.NumberValue(1)))));
    }

    @Test
    void longSleepsNeedAnAtLongHeaderAndStayWithinIt() throws Exception {
        String longScript = ScriptText.pop3("session A pop3 account=1", "A> NOOP", "A< +OK", "sleep 9m", "A> NOOP", "A< +OK")
                .replace("@category", "@long      10m\n@category");
        assertThat(ScriptParser.parse("s", longScript).metadata().longRun()).contains(java.time.Duration.ofMinutes(10));
        ScriptParseException tooLong = catchThrowableOfType(() -> ScriptParser.parse("s", longScript.replace("sleep 9m", "sleep 11m")),
                ScriptParseException.class);
        assertThat(tooLong.problems().get(0).message()).contains("longer than the script's @long (600s)");
        ScriptParseException notLong = catchThrowableOfType(() -> ScriptParser.parse("s", ScriptText.pop3(
                "session A pop3 account=1", "sleep 2m")), ScriptParseException.class);
        assertThat(notLong.problems().get(0).message()).contains("or an @long header");
    }

    @Test
    void generatedValuesAreBoundedAndMistakesNamed() {
        ScriptParseException bad = catchThrowableOfType(() -> ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1",
                "set $huge = repeat(\"0123456789\", 4000000)",
                "set $empty = repeat(\"\", 3)",
                "set $backwards = enumerate(9, 1)",
                "set $sum = repeat(\"ab\", 10000000) repeat(\"cd\", 10000000)",
                "check A.longest-status-line <= 512",
                "set $typo = repaet(\"a\", 2)")), ScriptParseException.class);
        assertThat(bad.problems()).extracting(ParseProblem::line).containsExactly(H + 2, H + 3, H + 4, H + 5, H + 6, H + 7);
        assertThat(bad.problems().get(0).message()).contains("more than 33554432 octets");
        assertThat(bad.problems().get(1).message()).contains("empty");
        assertThat(bad.problems().get(2).message()).contains("first <= last");
        assertThat(bad.problems().get(3).message()).contains("set $sum").contains("33554432");
        assertThat(bad.problems().get(4).message()).contains("for POP3 sessions").contains("A is IMAP");
        assertThat(bad.problems().get(5).message()).contains("found 'repaet'").contains("repeat(\"text\", n)");
    }
}
