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
                "session A imap account=1", "set $old = 1", "set $new = 1", "set $uid = 1", "set $olduid = 1", line, "");
        return (Statement.Check) ScriptParser.parse("t.script", text).statements().get(4);
    }
}
