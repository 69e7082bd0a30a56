package io.maildrill.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class Pop3ListingsTest {

    private static Pop3Reply decode(String wire, Pop3ResponseExpectation expectation) {
        Queue<Pop3ResponseExpectation> expectations = new ArrayDeque<>();
        expectations.add(expectation);
        EmbeddedChannel channel = new EmbeddedChannel(new Pop3ResponseDecoder(expectations));
        channel.writeInbound(Unpooled.wrappedBuffer(wire.getBytes(StandardCharsets.ISO_8859_1)));
        Pop3Reply reply = channel.readInbound();
        assertThat(channel.finish()).isFalse();
        return reply;
    }

    private static Pop3Reply single(String wire) {
        return decode(wire, Pop3ResponseExpectation.SINGLE_LINE);
    }

    private static Pop3Reply multi(String wire) {
        return decode(wire, Pop3ResponseExpectation.MULTI_LINE_IF_OK);
    }

    @Test
    void statParsesCountAndOctets() {
        assertThat(Pop3Listings.stat(single("+OK 2 320\r\n"))).isEqualTo(new StatResult(2, 320));
        assertThat(Pop3Listings.stat(single("+OK 0 0\r\n"))).isEqualTo(new StatResult(0, 0));
        assertThat(Pop3Listings.stat(single("+OK 3 5000000000 extra\r\n")).octets()).isEqualTo(5_000_000_000L);
    }

    @Test
    void statFailuresQuoteTheLine() {
        assertThatThrownBy(() -> Pop3Listings.stat(single("+OK two 320\r\n")))
                .isInstanceOf(Pop3ParseException.class)
                .hasMessageContaining("\"two 320\"")
                .hasMessageContaining("decimal digits");
        assertThatThrownBy(() -> Pop3Listings.stat(single("+OK 2\r\n"))).hasMessageContaining("count SP octets");
        assertThatThrownBy(() -> Pop3Listings.stat(single("-ERR [SYS/TEMP] busy\r\n")))
                .isInstanceOf(Pop3ParseException.class)
                .hasMessageContaining("-ERR [SYS/TEMP] busy");
        assertThatThrownBy(() -> Pop3Listings.stat(single("BAD\r\n")))
                .isInstanceOf(Pop3ParseException.class)
                .hasMessageContaining("status word");
    }

    @Test
    void scanListingsAllowTrailingInformation() {
        assertThat(Pop3Listings.sizes(multi("+OK\r\n1 120\r\n2 200 extra info\r\n.\r\n")))
                .containsExactly(new MessageSize(1, 120), new MessageSize(2, 200));
        assertThat(Pop3Listings.size(single("+OK 2 200\r\n"))).isEqualTo(new MessageSize(2, 200));
    }

    @Test
    void badScanListingLineIsQuoted() {
        assertThatThrownBy(() -> Pop3Listings.sizes(multi("+OK\r\n1 120\r\n2\r\n.\r\n")))
                .isInstanceOf(Pop3ParseException.class)
                .hasMessageContaining("scan listing")
                .hasMessageContaining("\"2\"");
        assertThatThrownBy(() -> Pop3Listings.sizes(single("+OK 2 messages\r\n")))
                .hasMessageContaining("a multi-line +OK reply");
    }

    @Test
    void uidListings() {
        assertThat(Pop3Listings.uids(multi("+OK\r\n1 whqtswO00WBw418f9t5JxYwZ\r\n2 QhdPYR:00WBw1Ph7x7\r\n.\r\n")))
                .containsExactly(new MessageUid(1, "whqtswO00WBw418f9t5JxYwZ"), new MessageUid(2, "QhdPYR:00WBw1Ph7x7"));
        assertThat(Pop3Listings.uid(single("+OK 2 QhdPYR:00WBw1Ph7x7\r\n"))).isEqualTo(new MessageUid(2, "QhdPYR:00WBw1Ph7x7"));
    }

    @Test
    void uidOutsideTheRfcAlphabetIsRejected() {
        assertThatThrownBy(() -> Pop3Listings.uids(multi("+OK\r\n1 has space\r\n.\r\n")))
                .hasMessageContaining("unique-id")
                .hasMessageContaining("\"1 has space\"");
        assertThatThrownBy(() -> Pop3Listings.uid(single("+OK 1 " + "x".repeat(71) + "\r\n")))
                .hasMessageContaining("1 to 70 characters");
    }
}
