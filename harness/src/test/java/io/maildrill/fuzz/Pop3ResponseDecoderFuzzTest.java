package io.maildrill.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.maildrill.pop3.Pop3Reply;
import io.maildrill.pop3.Pop3ResponseDecoder;
import io.maildrill.pop3.Pop3ResponseExpectation;
import io.maildrill.pop3.Pop3UnsolicitedReply;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Whatever a server sends, for whatever sequence of single- and multi-line commands, the POP3
 * decoder turns it into replies (malformed ones as values): no exception, no hang, bounded.
 * {@code fuzz/run pop3} fuzzes it; {@code ./mvnw verify} replays the kept inputs.
 */
class Pop3ResponseDecoderFuzzTest {

    private static final int MAX_LINE = 128;
    private static final int MAX_RESPONSE = 1024;

    @FuzzTest(maxDuration = FuzzTargets.SHORT_RUN)
    @DictionaryFile(resourcePath = "/io/maildrill/fuzz/pop3.dict")
    void anyBytesBecomeReplies(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }

    /** The property, also the entry point of the long run ({@code fuzz/run pop3}). */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        Queue<Pop3ResponseExpectation> expectations = new ArrayDeque<>();
        int commands = data.consumeInt(0, 16);
        for (int i = 0; i < commands; i++) {
            expectations.add(data.consumeBoolean() ? Pop3ResponseExpectation.MULTI_LINE_IF_OK : Pop3ResponseExpectation.SINGLE_LINE);
        }
        boolean utf8 = data.consumeBoolean();
        int chunk = data.consumeInt(1, 97);
        byte[] input = data.consumeRemainingAsBytes();
        EmbeddedChannel channel = new EmbeddedChannel(new Pop3ResponseDecoder(expectations, MAX_LINE, MAX_RESPONSE, utf8));
        FuzzTargets.feedAndClose(channel, input, chunk);
        int replies = 0;
        for (Object o = channel.readInbound(); o != null; o = channel.readInbound()) {
            // a reply to a command, or one that arrived when no command awaited it
            assertThat(o).isInstanceOfAny(Pop3Reply.class, Pop3UnsolicitedReply.class);
            replies++;
        }
        assertThat(replies).isLessThanOrEqualTo(input.length + 1);
    }
}
