package io.maildrill.script.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.maildrill.script.ast.CommandPart;
import io.maildrill.script.ast.ExpectTarget;
import io.maildrill.script.ast.Expectation;
import io.maildrill.script.ast.Script;
import io.maildrill.script.ast.Statement;
import io.maildrill.script.ast.StatusWord;
import org.junit.jupiter.api.Test;

/** SASL exchanges: IMAP continuation groups answered with {@code A+>}, and the POP3 status {@code +}. */
class ContinuationParseTest {
    private static final int H = ScriptText.HEADER_LINES;

    @Test
    void aGroupEndingWithPlusKeepsTheCommandForTheAnswerAndItsStatus() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1 login=none",
                "A> AUTHENTICATE PLAIN",
                "A< +",
                "A+> $sasl_plain",
                "A< OK ..."));
        var s = script.statements();
        var first = (Statement.Expect) s.get(1);
        assertThat(first.target()).isEqualTo(new ExpectTarget.Command(H + 2));
        assertThat(first.status()).isEmpty();
        assertThat(s.get(2)).isEqualTo(new Statement.Answer(H + 4, "A", java.util.List.of(new CommandPart.Variable("sasl_plain"))));
        var second = (Statement.Expect) s.get(3);
        assertThat(second.target()).isEqualTo(new ExpectTarget.Command(H + 2));
        assertThat(second.status()).isPresent();
    }

    @Test
    void aPlusFollowedByTheStatusInOneGroupIsStillAnOrdinaryGroup() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1",
                "A> APPEND INBOX {\"x\"}",
                "A< +",
                "A< OK"));
        assertThat(script.statements()).hasSize(2);
    }

    @Test
    void pop3ContinuationIsAStatus() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.pop3(
                "session A pop3 account=1 login=none",
                "A> AUTH PLAIN",
                "A< +|-ERR",
                "A> *",
                "A< -ERR"));
        var group = (Statement.Expect) script.statements().get(1);
        assertThat(group.status().orElseThrow().accepted()).containsExactlyInAnyOrder(StatusWord.PLUS, StatusWord.MINUS_ERR);
    }

    @Test
    void answersNeedAContinuationAndAreImapOnly() {
        ScriptParseException bad = catchThrowableOfType(() -> ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1",
                "A+> *",
                "A> NOOP",
                "A< +",
                "A+> {\"x\"}",
                "A< OK")), ScriptParseException.class);
        assertThat(bad.problems()).extracting(ParseProblem::line).containsExactly(H + 2, H + 5);
        assertThat(bad.problems().get(0).message()).contains("nothing of A awaits an answer");
        assertThat(bad.problems().get(1).message()).contains("one line");
        ScriptParseException pop3 = catchThrowableOfType(() -> ScriptParser.parse("s", ScriptText.pop3(
                "session A pop3 account=1",
                "A> AUTH PLAIN",
                "A< +",
                "A+> *")), ScriptParseException.class);
        assertThat(pop3.problems().get(0).message()).contains("IMAP continuation").contains("write A> ...");
    }
}
