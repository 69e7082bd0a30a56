package io.maildrill.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Pop3RequestEncoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new Pop3RequestEncoder());

    @AfterEach
    void nothingLeftOver() {
        assertThat(channel.finish()).isFalse();
    }

    private byte[] encode(Pop3Command command) {
        assertThat(channel.writeOutbound(command)).isTrue();
        ByteBuf buf = channel.readOutbound();
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void verbWithoutArgumentsEndsInCrlf() {
        assertThat(encode(Pop3Command.STAT)).isEqualTo(ascii("STAT\r\n"));
        assertThat(encode(Pop3Commands.quit())).isEqualTo(ascii("QUIT\r\n"));
    }

    @Test
    void argumentsAreSeparatedBySingleSpaces() {
        assertThat(encode(Pop3Commands.top(3, 10))).isEqualTo(ascii("TOP 3 10\r\n"));
        assertThat(encode(Pop3Commands.user("alice@example.test"))).isEqualTo(ascii("USER alice@example.test\r\n"));
        assertThat(encode(Pop3Commands.pass("with space"))).isEqualTo(ascii("PASS with space\r\n"));
    }

    @Test
    void unknownVerbIsSentAsGiven() {
        assertThat(encode(Pop3Command.valueOf("xtnd"))).isEqualTo(ascii("xtnd\r\n"));
        assertThat(encode(Pop3Command.of("XSENDER", "1"))).isEqualTo(ascii("XSENDER 1\r\n"));
    }

    @Test
    void scriptLineRoundTripsExactly() {
        assertThat(encode(Pop3Command.fromLine("TOP  1 0 "))).isEqualTo(ascii("TOP  1 0 \r\n"));
    }

    @Test
    void argumentsAreUtf8() {
        assertThat(encode(Pop3Commands.user("j\u00f6rg"))).isEqualTo("USER j\u00f6rg\r\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rawBytesPassThroughUnchanged() {
        byte[] raw = {'N', 'O', 'O', 'P', '\n', (byte) 0xff, 0, 'x'};
        assertThat(encode(Pop3Command.raw(raw, Pop3ResponseExpectation.SINGLE_LINE))).isEqualTo(raw);
    }

    @Test
    void rawLineGetsCrlf() {
        assertThat(encode(Pop3Command.rawLine("LIST  1", Pop3ResponseExpectation.SINGLE_LINE)))
                .isEqualTo(ascii("LIST  1\r\n"));
    }
}
