package io.maildrill.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CorpusDeterminismTest {

    private static final CorpusSpec SPEC = new CorpusSpec(42, 200, SizeProfile.realistic(), ShapeMix.mixed());

    @Test
    void sameSeedAndIndexGiveSameBytesWhateverTheGenerationOrder() {
        Corpus forward = Corpus.of(SPEC);
        List<CorpusMessage> inOrder = forward.stream().collect(Collectors.toList());
        Corpus other = Corpus.of(SPEC);
        for (int i = SPEC.messageCount() - 1; i >= 0; i -= 7) {
            assertThat(other.message(i).bytes()).as("message %d", i).isEqualTo(inOrder.get(i).bytes());
        }
        List<CorpusMessage> parallel = other.stream().parallel().collect(Collectors.toList());
        assertThat(parallel).isEqualTo(inOrder);
    }

    @Test
    void differentSeedsGiveDifferentMessages() {
        CorpusMessage a = Corpus.of(SPEC).message(3);
        CorpusMessage b = Corpus.of(new CorpusSpec(43, 200, SizeProfile.realistic(), ShapeMix.mixed())).message(3);
        assertThat(a.bytes()).isNotEqualTo(b.bytes());
        assertThat(a.messageId()).isNotEqualTo(b.messageId());
    }

    @Test
    void messageIdsAreUniqueOverHundredThousandMessages() {
        Corpus corpus = Corpus.of(new CorpusSpec(7, 100_000, SizeProfile.tiny(), ShapeMix.mixed()));
        Set<String> ids = new HashSet<>();
        for (CorpusMessage m : corpus) {
            assertThat(ids.add(m.messageId())).as("duplicate %s", m.messageId()).isTrue();
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void messageIdHasSeedIndexAndHashForm() {
        CorpusMessage m = Corpus.of(SPEC).message(17);
        assertThat(m.messageId()).matches("<42-17\\.[0-9a-f]{8}@corpus\\.maildrill\\.test>");
        assertThat(m.asString()).startsWith("Message-ID: " + m.messageId() + "\r\n");
    }

    @Test
    void iteratorAndRangeStreamAgreeWithRandomAccess() {
        Corpus corpus = Corpus.of(new CorpusSpec(1, 1_000_000, SizeProfile.tiny(), ShapeMix.mixed()));
        Iterator<CorpusMessage> it = corpus.iterator();
        for (int i = 0; i < 5; i++) {
            assertThat(it.next()).isEqualTo(corpus.message(i));
        }
        List<CorpusMessage> tail = corpus.stream(999_997, 1_000_000).collect(Collectors.toList());
        assertThat(tail).extracting(CorpusMessage::index).containsExactly(999_997, 999_998, 999_999);
        assertThat(tail.get(2)).isEqualTo(corpus.message(999_999));
    }

    @Test
    void outOfRangeIndexIsRejectedWithTheValidRange() {
        Corpus corpus = Corpus.of(new CorpusSpec(1, 10, SizeProfile.tiny(), ShapeMix.mixed()));
        assertThatThrownBy(() -> corpus.message(10)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("0..9");
        assertThatThrownBy(() -> corpus.stream(5, 11)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void totalBytesIsTheSumOfMessageSizes() {
        Corpus corpus = Corpus.of(new CorpusSpec(9, 300, SizeProfile.realistic(), ShapeMix.mixed()));
        long sum = corpus.stream().mapToLong(CorpusMessage::size).sum();
        assertThat(corpus.totalBytes()).isEqualTo(sum);
    }

    @Test
    void cycleMixAssignsListedShapesRoundRobin() {
        Corpus corpus = Corpus.of(new CorpusSpec(1, 6, SizeProfile.tiny(),
                ShapeMix.cycle(MessageShape.PLAIN, MessageShape.DOT_LINES)));
        assertThat(corpus.stream().map(CorpusMessage::shape)).containsExactly(
                MessageShape.PLAIN, MessageShape.DOT_LINES, MessageShape.PLAIN,
                MessageShape.DOT_LINES, MessageShape.PLAIN, MessageShape.DOT_LINES);
    }

    @Test
    void mixedShapesCoverEveryShape() {
        Corpus corpus = Corpus.of(new CorpusSpec(5, 3_000, SizeProfile.tiny(), ShapeMix.mixed()));
        assertThat(corpus.stream().map(CorpusMessage::shape).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(MessageShape.values());
    }
}
