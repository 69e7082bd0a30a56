package io.maildrill.run;

import io.maildrill.run.match.Bindings;
import io.maildrill.run.match.Value;
import io.maildrill.run.session.StepFailure;
import io.maildrill.script.ast.ByteString;
import io.maildrill.script.ast.Operand;
import io.maildrill.script.ast.Statement;
import io.maildrill.script.parse.ScriptParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code check} over bound variables, with and without {@code or}. */
class ChecksTest {

    private final Bindings bindings = new Bindings();
    private final Operands operands = new Operands(bindings, Optional.empty(), Map.of(), k -> Optional.empty());

    ChecksTest() {
        bindings.bind("old", new Value.Num(7));
        bindings.bind("new", new Value.Num(7));
        bindings.bind("uid", new Value.Num(12));
        bindings.bind("olduid", new Value.Num(12));
    }

    @Test
    void anOrCheckPassesWhenOnlyTheSecondComparisonHolds() throws Exception {
        bindings.bind("uid", new Value.Num(13));
        assertThatCode(() -> Checks.run(check("check $new != $old or $uid > $olduid"), operands)).doesNotThrowAnyException();
    }

    @Test
    void anOrCheckFailsWhenNoComparisonHoldsAndShowsEachOne() throws Exception {
        StepFailure f = catchThrowableOfType(() -> Checks.run(check("check $new != $old or $uid > $olduid"), operands),
                StepFailure.class);
        assertThat(f.expected()).isEqualTo("check $new != $old or $uid > $olduid");
        assertThat(f.actual()).isEqualTo("$new != $old: left  = 7\nright = 7\n$uid > $olduid: left  = 12\nright = 12");
    }

    @Test
    void aSingleComparisonFailsWithItsTwoValues() throws Exception {
        StepFailure f = catchThrowableOfType(() -> Checks.run(check("check $uid > $olduid"), operands), StepFailure.class);
        assertThat(f.expected()).isEqualTo("check $uid > $olduid");
        assertThat(f.actual()).isEqualTo("left  = 12\nright = 12");
    }

    @Test
    void inAnOrCheckAnUnboundVariableIsAChoiceNotTakenAndAnotherMayHold() throws Exception {
        Statement.Check check = check("check $nothing == 1 or $uid > $olduid");
        bindings.bind("uid", new Value.Num(13));
        assertThatCode(() -> Checks.run(check, operands)).doesNotThrowAnyException();
        bindings.bind("uid", new Value.Num(12));
        StepFailure f = catchThrowableOfType(() -> Checks.run(check, operands), StepFailure.class);
        assertThat(f.actual()).startsWith("$nothing == 1: $nothing is not bound\n$uid > $olduid: left  = 12");
    }

    @Test
    void membershipInASequenceSet() throws Exception {
        bindings.bind("vanished", Value.text("3:5,9"));
        bindings.bind("uid", new Value.Num(4));
        assertThatCode(() -> Checks.run(check("check $uid in $vanished"), operands)).doesNotThrowAnyException();
        bindings.bind("uid", new Value.Num(7));
        assertThatCode(() -> Checks.run(check("check $uid not in $vanished"), operands)).doesNotThrowAnyException();
        StepFailure f = catchThrowableOfType(() -> Checks.run(check("check $uid in $vanished"), operands), StepFailure.class);
        assertThat(f.actual()).contains("left  = 7");
        bindings.bind("vanished", Value.text("3:x"));
        StepFailure bad = catchThrowableOfType(() -> Checks.run(check("check $uid in $vanished"), operands), StepFailure.class);
        assertThat(bad.actual()).contains("not a sequence set of numbers: \"3:x\"");
    }

    @Test
    void timingsAndArithmetic() throws Exception {
        bindings.bind("t0", new Value.Num(5));
        assertThat(operands.value(new Operand.Arithmetic(new Operand.Variable("uid"), Operand.ArithmeticOp.MINUS,
                new Operand.Variable("t0")), 1)).isEqualTo(new Value.Num(7));
        assertThat(operands.value(new Operand.DurationValue(java.time.Duration.ofSeconds(2)), 1)).isEqualTo(new Value.Num(2000));
        assertThat(operands.value(new Operand.Now(), 1).asNumber().getAsLong()).isBetween(0L, 60_000L);
        bindings.bind("text", Value.text("abc"));
        StepFailure f = catchThrowableOfType(() -> operands.value(new Operand.Arithmetic(new Operand.Variable("text"),
                Operand.ArithmeticOp.PLUS, new Operand.NumberValue(1)), 9), StepFailure.class);
        assertThat(f.actual()).contains("is not a number");
    }

    @Test
    void generatedValuesAndLineLengths() {
        bindings.bind("capa", Value.text("CAPA\r\nSASL PLAIN LOGIN\r\nUSER\r\n"));
        bindings.bind("unterminated", Value.text("ab\ncdefg"));
        assertThat(operands.value(new Operand.LongestLine("capa"), 1)).isEqualTo(new Value.Num(18));
        assertThat(operands.value(new Operand.LongestLine("unterminated"), 1)).isEqualTo(new Value.Num(5));
        assertThat(operands.value(new Operand.Concatenation(List.of(new Operand.TextValue(ByteString.ascii("<")),
                new Operand.Repeat(ByteString.ascii("ab"), 3), new Operand.Enumerate(9, 12))), 1).bytes())
                .asString().isEqualTo("<ababab9,10,11,12");
        assertThat(operands.value(new Operand.Repeat(ByteString.ascii("x"), 16 * 1024 * 1024), 1).bytes()).hasSize(16 * 1024 * 1024);
    }

    private static Statement.Check check(String line) throws Exception {
        String text = String.join("\n", "@title t", "@covers I24", "@level MUST", "@protocols imap", "@category uid",
                "session A imap account=1", "set $old = 1", "set $new = 1", "set $uid = 1", "set $olduid = 1",
                "set $vanished = \"1\"", "A> NOOP", "A< OK [X $nothing] ...", line, "");
        return (Statement.Check) ScriptParser.parse("t.script", text).statements().get(7);
    }
}
