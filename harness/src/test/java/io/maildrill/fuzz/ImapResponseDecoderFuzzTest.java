package io.maildrill.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.codec.ImapResponseDecoder;
import io.maildrill.net.MalformedReply;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * Whatever a server sends, the IMAP decoder turns it into responses or {@link ImapResponse.Malformed}
 * findings: no exception, no stack overflow, no hang, and nothing kept beyond its bounds. Small
 * limits here so the fuzzer reaches the over-long-line, streamed-literal and response-budget paths
 * with short inputs.
 * In {@code ./mvnw verify} this runs over the inputs kept in the resources (recorded responses and
 * every crasher found so far); {@code fuzz/run imap} fuzzes it.
 */
class ImapResponseDecoderFuzzTest {

    private static final int RETENTION_LIMIT = 64;
    private static final int MAX_LINE = 256;
    private static final int MAX_RESPONSE_RETAINED = 1024;

    @FuzzTest(maxDuration = FuzzTargets.SHORT_RUN)
    @DictionaryFile(resourcePath = "/io/maildrill/fuzz/imap.dict")
    void anyBytesBecomeResponsesOrFindings(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }

    /** The property, also the entry point of the long run ({@code fuzz/run imap}). */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        int chunk = data.consumeInt(1, 97);
        byte[] input = data.consumeRemainingAsBytes();
        EmbeddedChannel channel = new EmbeddedChannel(new ImapResponseDecoder(RETENTION_LIMIT, MAX_LINE, MAX_RESPONSE_RETAINED));
        FuzzTargets.feedAndClose(channel, input, chunk);
        long wire = 0;
        for (Object o = channel.readInbound(); o != null; o = channel.readInbound()) {
            assertThat(o).isInstanceOf(ImapResponse.class);
            ImapResponse response = (ImapResponse) o;
            wire += response.wireLength();
            if (response instanceof ImapResponse.Malformed m) {
                assertThat(m.reply().bytes().length).isLessThanOrEqualTo(MalformedReply.MAX_QUOTED);
            }
        }
        // every octet belongs to at most one response (a discarded over-long line to none)
        assertThat(wire).isLessThanOrEqualTo(input.length);
    }
}
