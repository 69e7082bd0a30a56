package io.maildrill.pop3;

import static io.maildrill.pop3.Pop3ResponseExpectation.MULTI_LINE_IF_OK;
import static io.maildrill.pop3.Pop3ResponseExpectation.SINGLE_LINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Pop3CommandTest {

    @Test
    void valueOfReturnsTheCachedConstantForStandardVerbs() {
        assertThat(Pop3Command.valueOf("RETR")).isSameAs(Pop3Command.RETR);
        assertThat(Pop3Command.valueOf("XTND").verb()).isEqualTo("XTND");
        assertThat(Pop3Command.valueOf("retr").verb()).isEqualTo("retr");
    }

    @Test
    void multiLineRepliesFollowTheRfcs() {
        assertThat(Pop3Command.CAPA.expectation()).isEqualTo(MULTI_LINE_IF_OK);
        assertThat(Pop3Commands.retr(1).expectation()).isEqualTo(MULTI_LINE_IF_OK);
        assertThat(Pop3Commands.top(1, 0).expectation()).isEqualTo(MULTI_LINE_IF_OK);
        assertThat(Pop3Commands.list().expectation()).isEqualTo(MULTI_LINE_IF_OK);
        assertThat(Pop3Commands.list(1).expectation()).isEqualTo(SINGLE_LINE);
        assertThat(Pop3Commands.uidl().expectation()).isEqualTo(MULTI_LINE_IF_OK);
        assertThat(Pop3Commands.uidl(2).expectation()).isEqualTo(SINGLE_LINE);
        assertThat(Pop3Commands.authList().expectation()).isEqualTo(MULTI_LINE_IF_OK);
        assertThat(Pop3Commands.auth("PLAIN").expectation()).isEqualTo(SINGLE_LINE);
        assertThat(Pop3Command.valueOf("retr").withArgs("1").expectsMultiLine()).isTrue();
        for (Pop3Command c : new Pop3Command[] {Pop3Command.USER, Pop3Command.PASS, Pop3Command.APOP, Pop3Command.STLS,
                Pop3Command.STAT, Pop3Command.DELE, Pop3Command.RSET, Pop3Command.NOOP, Pop3Command.QUIT}) {
            assertThat(c.expectsMultiLine()).as(c.verb()).isFalse();
        }
    }

    @Test
    void rawLinesCarryAnExplicitExpectation() {
        Pop3Command raw = Pop3Command.rawLine("RETR 1", SINGLE_LINE);
        assertThat(raw.isRaw()).isTrue();
        assertThat(raw.verb()).isEqualTo("RETR");
        assertThat(raw.expectsMultiLine()).isFalse();
        assertThat(Pop3Command.rawLine("XLIST", MULTI_LINE_IF_OK).expectsMultiLine()).isTrue();
        assertThat(Pop3Command.STAT.expecting(MULTI_LINE_IF_OK).expectsMultiLine()).isTrue();
    }

    @Test
    void describeHidesCredentials() {
        assertThat(Pop3Commands.pass("hunter2").describe()).doesNotContain("hunter2");
        assertThat(Pop3Commands.apop("bob", "abc123").describe()).doesNotContain("abc123");
        assertThat(Pop3Commands.auth("PLAIN", "AGJvYgBzZWNyZXQ=").describe()).doesNotContain("AGJvYgBzZWNyZXQ=");
        assertThat(Pop3Commands.saslResponse("AGJvYgBzZWNyZXQ=").describe()).doesNotContain("AGJvYgBzZWNyZXQ=");
        assertThat(Pop3Commands.retr(7).describe()).isEqualTo("RETR 7");
    }

    @Test
    void lineBreaksInArgumentsAreRejected() {
        assertThatThrownBy(() -> Pop3Commands.user("a\r\nDELE 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pop3Command.of("TWO WORDS")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromLineSplitsVerbAndArgumentsAndDerivesTheReplyShape() {
        Pop3Command retr = Pop3Command.fromLine("RETR 1");
        assertThat(retr).isEqualTo(Pop3Commands.retr(1));
        assertThat(Pop3Command.fromLine("LIST").expectsMultiLine()).isTrue();
        assertThat(Pop3Command.fromLine("LIST  1").args()).containsExactly("", "1");
        assertThat(Pop3Command.fromLine("LIST  1").expectsMultiLine()).isFalse();
    }

    @Test
    void equalityIsByValue() {
        assertThat(Pop3Commands.retr(1)).isEqualTo(Pop3Command.of("RETR", "1"));
        assertThat(Pop3Commands.retr(1)).isNotEqualTo(Pop3Commands.retr(2));
    }
}
