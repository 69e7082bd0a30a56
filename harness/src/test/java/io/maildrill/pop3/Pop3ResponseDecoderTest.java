package io.maildrill.pop3;

import static io.maildrill.pop3.Pop3ResponseExpectation.MULTI_LINE_IF_OK;
import static io.maildrill.pop3.Pop3ResponseExpectation.SINGLE_LINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.net.MalformedReply;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Pop3ResponseDecoderTest {

    /** How the input reaches the decoder: framing must not depend on where TCP splits it. */
    enum Feed { WHOLE, FRAGMENTS, BYTE_BY_BYTE }

    private final Queue<Pop3ResponseExpectation> expectations = new ArrayDeque<>();
    private Pop3ResponseDecoder decoder;
    private EmbeddedChannel channel;

    private void open(int maxLine, int maxResponse) {
        decoder = new Pop3ResponseDecoder(expectations, maxLine, maxResponse, false);
        channel = new EmbeddedChannel(decoder);
    }

    private void open() {
        open(Pop3ResponseDecoder.DEFAULT_MAX_LINE_LENGTH, Pop3ResponseDecoder.DEFAULT_MAX_RESPONSE_LENGTH);
    }

    @AfterEach
    void nothingLeftOver() {
        channel.finish();
        assertThat((Object) channel.readInbound()).as("unread decoder output").isNull();
        assertThat(expectations).as("unconsumed expectations").isEmpty();
    }

    private List<Object> feed(Feed feed, byte[] bytes) {
        int chunk = switch (feed) {
            case WHOLE -> Math.max(1, bytes.length);
            case FRAGMENTS -> 7;
            case BYTE_BY_BYTE -> 1;
        };
        for (int i = 0; i < bytes.length; i += chunk) {
            channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk))));
        }
        List<Object> out = new ArrayList<>();
        for (Object o = channel.readInbound(); o != null; o = channel.readInbound()) {
            out.add(o);
        }
        return out;
    }

    private List<Object> feed(Feed feed, String text) {
        return feed(feed, bytes(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private Pop3Response single(Feed feed, String text, Pop3ResponseExpectation expectation) {
        expectations.add(expectation);
        List<Object> out = feed(feed, text);
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).isInstanceOf(Pop3Response.class);
        Pop3Response r = (Pop3Response) out.get(0);
        assertThat(r.raw()).as("raw octets").isEqualTo(bytes(text));
        return r;
    }

    private Pop3Malformed malformed(Object reply) {
        assertThat(reply).isInstanceOf(Pop3Malformed.class);
        return (Pop3Malformed) reply;
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void okStatusLineCarriesItsText(Feed feed) {
        open();
        Pop3Response r = single(feed, "+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n", SINGLE_LINE);
        assertThat(r.status()).isEqualTo(Pop3Status.OK);
        assertThat(r.isOk()).isTrue();
        assertThat(r.text()).isEqualTo("POP3 server ready <1896.697170952@dbc.mtview.ca.us>");
        assertThat(r.firstLine()).isEqualTo("+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>");
        assertThat(r.isMultiLine()).isFalse();
        assertThat(r.contentLength()).isZero();
        assertThat(r.responseCode()).isEmpty();
        assertThat(r.deviations()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void errIsSingleLineEvenWhenMultiLineWasExpected(Feed feed) {
        open();
        Pop3Response r = single(feed, "-ERR no such message\r\n", MULTI_LINE_IF_OK);
        assertThat(r.isErr()).isTrue();
        assertThat(r.isMultiLine()).isFalse();
        assertThat(r.text()).isEqualTo("no such message");
    }

    @Test
    void statusWithoutTextIsValid() {
        open();
        assertThat(single(Feed.WHOLE, "+OK\r\n", SINGLE_LINE).text()).isEmpty();
        assertThat(single(Feed.WHOLE, "-ERR\r\n", SINGLE_LINE).isErr()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void saslContinuationIsSingleLineAndCarriesTheChallenge(Feed feed) {
        open();
        Pop3Response r = single(feed, "+ dGVzdA==\r\n", MULTI_LINE_IF_OK);
        assertThat(r.isContinuation()).isTrue();
        assertThat(r.text()).isEqualTo("dGVzdA==");
        Pop3Response empty = single(feed, "+ \r\n", SINGLE_LINE);
        assertThat(empty.isContinuation()).isTrue();
        assertThat(empty.text()).isEmpty();
        assertThat(single(feed, "+\r\n", SINGLE_LINE).isContinuation()).isTrue();
    }

    @Test
    void responseCodesAreSeparatedFromTheText() {
        open();
        Pop3Response inUse = single(Feed.WHOLE, "-ERR [IN-USE] maildrop locked\r\n", SINGLE_LINE);
        assertThat(inUse.responseCode()).contains("IN-USE");
        assertThat(inUse.text()).isEqualTo("maildrop locked");
        Pop3Response temp = single(Feed.WHOLE, "-ERR [SYS/TEMP] try later\r\n", SINGLE_LINE);
        assertThat(temp.responseCode()).contains("SYS/TEMP");
        assertThat(temp.text()).isEqualTo("try later");
        Pop3Response auth = single(Feed.WHOLE, "-ERR [AUTH] invalid password\r\n", SINGLE_LINE);
        assertThat(auth.responseCode()).contains("AUTH");
        Pop3Response bracketText = single(Feed.WHOLE, "+OK [not closed\r\n", SINGLE_LINE);
        assertThat(bracketText.responseCode()).isEmpty();
        assertThat(bracketText.text()).isEqualTo("[not closed");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void multiLineReplyKeepsRawAndContent(Feed feed) {
        open();
        String wire = "+OK 2 messages (320 octets)\r\n1 120\r\n2 200\r\n.\r\n";
        Pop3Response r = single(feed, wire, MULTI_LINE_IF_OK);
        assertThat(r.isMultiLine()).isTrue();
        assertThat(r.text()).isEqualTo("2 messages (320 octets)");
        assertThat(r.content()).isEqualTo(bytes("1 120\r\n2 200\r\n"));
        assertThat(r.contentLength()).isEqualTo(14);
        assertThat(r.contentLines()).containsExactly("1 120", "2 200");
        assertThat(r.deviations()).isEmpty();
        assertThat(r.rawLength()).isEqualTo(wire.length());
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void emptyMultiLineReply(Feed feed) {
        open();
        Pop3Response r = single(feed, "+OK\r\n.\r\n", MULTI_LINE_IF_OK);
        assertThat(r.isMultiLine()).isTrue();
        assertThat(r.contentLength()).isZero();
        assertThat(r.contentLines()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void dotStuffedLinesAreUnstuffed(Feed feed) {
        open();
        // Content lines ".", "..", ".x", ". " are sent stuffed; a server that forgets to stuff
        // ".y" or ". z" still loses the leading dot, as RFC 1939 section 3 says the client must do.
        String wire = "+OK message follows\r\n..\r\n...\r\n...x\r\n.. \r\n.y\r\n. z\r\nplain\r\n.\r\n";
        Pop3Response r = single(feed, wire, MULTI_LINE_IF_OK);
        assertThat(new String(r.content(), StandardCharsets.ISO_8859_1))
                .isEqualTo(".\r\n..\r\n..x\r\n. \r\ny\r\n z\r\nplain\r\n");
        assertThat(r.contentLines()).containsExactly(".", "..", "..x", ". ", "y", " z", "plain");
        assertThat(r.contentLength()).isEqualTo(r.content().length);
        assertThat(r.contentBuffer().remaining()).isEqualTo(r.contentLength());
    }

    @Test
    void terminatorSplitAcrossReads() {
        open();
        expectations.add(MULTI_LINE_IF_OK);
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("+OK\r\nabc\r\n.")));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("\r")));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("\n+OK")));
        Pop3Response r = channel.readInbound();
        assertThat(r.content()).isEqualTo(bytes("abc\r\n"));
        expectations.add(SINGLE_LINE);
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(" next\r\n")));
        Pop3Response next = channel.readInbound();
        assertThat(next.text()).isEqualTo("next");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void pipelinedRepliesAreMatchedInOrder(Feed feed) {
        open();
        expectations.addAll(List.of(SINGLE_LINE, MULTI_LINE_IF_OK, MULTI_LINE_IF_OK, SINGLE_LINE));
        List<Object> out = feed(feed, "+OK 2 320\r\n-ERR no\r\n+OK\r\n1 120\r\n.\r\n+OK bye\r\n");
        assertThat(out).hasSize(4).allMatch(o -> o instanceof Pop3Response);
        assertThat(((Pop3Response) out.get(0)).text()).isEqualTo("2 320");
        assertThat(((Pop3Response) out.get(1)).isErr()).isTrue();
        assertThat(((Pop3Response) out.get(2)).contentLines()).containsExactly("1 120");
        assertThat(((Pop3Response) out.get(3)).text()).isEqualTo("bye");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void bareLineEndsAreFramedAndFlagged(Feed feed) {
        open();
        Pop3Response r = single(feed, "+OK\nline\nwith\rcr\r\n.\n", MULTI_LINE_IF_OK);
        assertThat(r.deviations()).containsExactlyInAnyOrder(Pop3Deviation.BARE_LF, Pop3Deviation.BARE_CR);
        assertThat(r.content()).isEqualTo(bytes("line\nwith\rcr\r\n"));
        assertThat(single(feed, "+OK hi\n", SINGLE_LINE).deviations()).containsExactly(Pop3Deviation.BARE_LF);
        assertThat(single(feed, "-ERR a\rb\r\n", SINGLE_LINE).deviations()).containsExactly(Pop3Deviation.BARE_CR);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void largeMessageIsFramedExactly(Feed feed) {
        open();
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < (feed == Feed.BYTE_BY_BYTE ? 20_000 : 3_000_000); i++) {
            body.append(i % 50 == 0 ? ".dot line " : "line ").append(i).append("\r\n");
        }
        String content = body.toString();
        String wire = "+OK " + content.length() + " octets\r\n" + content.replace("\r\n.", "\r\n..").replaceFirst("^\\.", "..")
                + ".\r\n";
        Pop3Response r = single(feed, wire, MULTI_LINE_IF_OK);
        assertThat(r.contentLength()).isEqualTo(content.length());
        assertThat(r.content()).isEqualTo(bytes(content));
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void unknownStatusWordIsMalformedAndTheNextReplyDecodes(Feed feed) {
        open();
        expectations.addAll(List.of(SINGLE_LINE, SINGLE_LINE));
        List<Object> out = feed(feed, "HELLO there\r\n+OK fine\r\n");
        assertThat(out).hasSize(2);
        MalformedReply m = malformed(out.get(0)).malformed();
        assertThat(m.problem()).isEqualTo("status word");
        assertThat(m.offset()).isZero();
        assertThat(m.bytes()).isEqualTo(bytes("HELLO there\r\n"));
        assertThat(((Pop3Response) out.get(1)).text()).isEqualTo("fine");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void statusWordMustBeFollowedBySpaceOrLineEnd(Feed feed) {
        open();
        expectations.addAll(List.of(SINGLE_LINE, SINGLE_LINE, SINGLE_LINE, SINGLE_LINE));
        List<Object> out = feed(feed, "+OKfoo\r\n-ERRbar\r\n+ok lower\r\n+OK\r\n");
        assertThat(out).hasSize(4);
        assertThat(malformed(out.get(0)).malformed().offset()).isEqualTo(3);
        assertThat(malformed(out.get(1)).malformed().offset()).isEqualTo(4);
        assertThat(malformed(out.get(2)).malformed().describe()).contains("+ok lower\\r\\n");
        assertThat(out.get(3)).isInstanceOf(Pop3Response.class);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void eightBitAndNulOctetsInStatusLineAreMalformed(Feed feed) {
        open();
        expectations.addAll(List.of(SINGLE_LINE, SINGLE_LINE, SINGLE_LINE));
        List<Object> out = feed(feed, bytes("+OK caf\u00e9\r\n-ERR a\u0000b\r\n+OK ok\r\n"));
        assertThat(out).hasSize(3);
        MalformedReply eightBit = malformed(out.get(0)).malformed();
        assertThat(eightBit.offset()).isEqualTo(7);
        assertThat(eightBit.describe()).contains("8-bit").contains("caf\\xe9");
        assertThat(malformed(out.get(1)).malformed().offset()).isEqualTo(6);
        assertThat(out.get(2)).isInstanceOf(Pop3Response.class);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void overlongStatusLineIsMalformedAndSkippedToItsEnd(Feed feed) {
        open(64, 1024);
        expectations.addAll(List.of(SINGLE_LINE, SINGLE_LINE));
        List<Object> out = feed(feed, "+OK " + "x".repeat(200) + "\r\n+OK short\r\n");
        assertThat(out).hasSize(2);
        MalformedReply m = malformed(out.get(0)).malformed();
        assertThat(m.problem()).contains("longer than 64");
        assertThat(new String(m.bytes(), StandardCharsets.ISO_8859_1)).startsWith("+OK xxx");
        assertThat(((Pop3Response) out.get(1)).text()).isEqualTo("short");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void oversizedMultiLineReplyIsMalformedAndSkippedToItsTerminator(Feed feed) {
        open(64, 40);
        expectations.addAll(List.of(MULTI_LINE_IF_OK, SINGLE_LINE));
        List<Object> out = feed(feed, "+OK\r\n" + "0123456789\r\n".repeat(10) + ".\r\n+OK after\r\n");
        assertThat(out).hasSize(2);
        assertThat(malformed(out.get(0)).malformed().problem()).contains("longer than 40");
        assertThat(((Pop3Response) out.get(1)).text()).isEqualTo("after");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void garbageBetweenRepliesIsReportedAsUnsolicited(Feed feed) {
        open();
        expectations.add(SINGLE_LINE);
        List<Object> out = feed(feed, "+OK first\r\n\u0001garbage\r\n+OK stray\r\n");
        assertThat(out).hasSize(3);
        assertThat(((Pop3Response) out.get(0)).text()).isEqualTo("first");
        assertThat(((Pop3UnsolicitedReply) out.get(1)).reply()).isInstanceOf(Pop3Malformed.class);
        assertThat(((Pop3UnsolicitedReply) out.get(2)).reply().isOk()).isTrue();
    }

    @Test
    void connectionClosedInsideStatusLineIsMalformed() {
        open();
        expectations.add(SINGLE_LINE);
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("+OK no line end")));
        assertThat((Object) channel.readInbound()).isNull();
        channel.finish();
        MalformedReply m = malformed(channel.readInbound()).malformed();
        assertThat(m.problem()).contains("connection closed inside a status line");
        assertThat(m.bytes()).isEqualTo(bytes("+OK no line end"));
    }

    @Test
    void connectionClosedInsideMultiLineReplyIsMalformed() {
        open();
        expectations.add(MULTI_LINE_IF_OK);
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("+OK\r\nline 1\r\nline 2\r\n")));
        assertThat((Object) channel.readInbound()).isNull();
        channel.finish();
        MalformedReply m = malformed(channel.readInbound()).malformed();
        assertThat(m.problem()).contains("inside a multi-line reply");
        assertThat(m.bytes()).isEqualTo(bytes("+OK\r\nline 1\r\nline 2\r\n"));
    }

    @Test
    void replyWithoutExpectationIsUnsolicited() {
        open();
        List<Object> out = feed(Feed.WHOLE, "-ERR [SYS/PERM] shutting down\r\n");
        assertThat(out).singleElement().isInstanceOf(Pop3UnsolicitedReply.class);
    }

    @Test
    void discardBufferedBytesReturnsWhatFollowedTheLastReply() {
        open();
        expectations.add(SINGLE_LINE);
        List<Object> out = feed(Feed.WHOLE, "+OK begin TLS\r\n+OK injected");
        assertThat(out).hasSize(1);
        assertThat(decoder.discardBufferedBytes()).isEqualTo(bytes("+OK injected"));
        assertThat(decoder.discardBufferedBytes()).isEmpty();
    }
}
