package io.maildrill.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InboundActivityTest {

    private static final String INPUT = "* OK hello\r\nA1 OK [APPENDUID 7 9] done\r\n* 3 FETCH (BODY[] {400";

    @Test
    void theLastLineAndTheUnfinishedOneAreTheSameWhereverTheInputWasSplit() {
        byte[] bytes = INPUT.getBytes(StandardCharsets.US_ASCII);
        for (int a = 0; a <= bytes.length; a++) {
            for (int b = a; b <= bytes.length; b++) {
                InboundActivity activity = new InboundActivity();
                activity.received(Unpooled.wrappedBuffer(bytes, 0, a));
                activity.received(Unpooled.wrappedBuffer(bytes, a, b - a));
                activity.received(Unpooled.wrappedBuffer(bytes, b, bytes.length - b));
                assertThat(activity.describe()).as("split at %d and %d", a, b)
                        .startsWith("the server sent " + bytes.length + " octets on this connection, the last ")
                        .endsWith(" ago; its last line: \"A1 OK [APPENDUID 7 9] done\\r\\n\"; then 22 octets without a line end:"
                                + " \"* 3 FETCH (BODY[] {400\"");
            }
        }
    }

    @Test
    void aLongLineKeepsItsStartAndItsEndAndItsLength() {
        InboundActivity activity = new InboundActivity();
        activity.received(Unpooled.wrappedBuffer("* OK ".getBytes(StandardCharsets.US_ASCII)));
        for (int i = 0; i < 1000; i++) {
            activity.received(Unpooled.wrappedBuffer("0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII)));
        }
        activity.received(Unpooled.wrappedBuffer("END".getBytes(StandardCharsets.US_ASCII)));
        String description = activity.describe();
        assertThat(description).contains("then 1000008 octets without a line end: \"* OK 0123456789")
                .contains("...").endsWith("0123456789END\"").hasSizeLessThan(400);
    }

    @Test
    void aSilentServerIsToldAsSuch() {
        assertThat(new InboundActivity().describe()).startsWith("the server sent nothing on this connection in ");
    }
}
