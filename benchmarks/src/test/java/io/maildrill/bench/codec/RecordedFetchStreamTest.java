package io.maildrill.bench.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.corpus.Corpus;
import io.maildrill.corpus.CorpusSpec;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.codec.ImapResponseDecoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordedFetchStreamTest {

    private final Corpus corpus = Corpus.of(CorpusSpec.realistic(7, 50));

    @Test
    void isDeterministic() {
        assertThat(RecordedFetchStream.headersOf(corpus)).isEqualTo(RecordedFetchStream.headersOf(Corpus.of(CorpusSpec.realistic(7, 50))));
    }

    @Test
    void decodesIntoOneFetchPerMessageCarryingTheCorpusHeaderThenTheTaggedOk() {
        EmbeddedChannel channel = new EmbeddedChannel(new ImapResponseDecoder());
        channel.writeInbound(Unpooled.wrappedBuffer(RecordedFetchStream.headersOf(corpus)));
        List<Object> responses = new ArrayList<>();
        for (Object r = channel.readInbound(); r != null; r = channel.readInbound()) {
            responses.add(r);
        }

        assertThat(responses).hasSize(51);
        for (int i = 0; i < 50; i++) {
            ImapResponse.Fetch fetch = (ImapResponse.Fetch) responses.get(i);
            assertThat(fetch.sequence()).isEqualTo(i + 1);
            assertThat(fetch.uid()).hasValue(1001 + i);
            assertThat(fetch.rfc822Size()).hasValue(corpus.message(i).size());
            assertThat(fetch.body("HEADER").orElseThrow().bytes()).isEqualTo(corpus.message(i).headerBytes());
        }
        assertThat(responses.get(50)).isInstanceOfSatisfying(ImapResponse.Tagged.class, t -> assertThat(t.ok()).isTrue());
        channel.finishAndReleaseAll();
    }
}
