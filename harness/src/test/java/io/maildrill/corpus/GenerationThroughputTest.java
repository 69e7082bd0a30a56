package io.maildrill.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Generation must never be what limits provisioning (target: at least 5 000 messages/s). The
 * design aim is 50 000 tiny messages/s on one core; this test asserts only the provisioning
 * floor, with margin, because the build machine is shared, and prints the measured rate.
 */
class GenerationThroughputTest {

    @Test
    void tinyMessagesAreGeneratedFarFasterThanProvisioningNeeds() {
        Corpus corpus = Corpus.of(new CorpusSpec(3, 120_000, SizeProfile.tiny(), ShapeMix.mixed()));
        corpus.stream(0, 20_000).forEach(m -> { }); // warm-up: let the JIT compile the hot path
        long start = System.nanoTime();
        long bytes = corpus.stream(20_000, 120_000).mapToLong(CorpusMessage::size).sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = 100_000 / seconds;
        System.out.printf("corpus: 100000 tiny messages (%d bytes) in %.2f s = %.0f msg/s%n", bytes, seconds, perSecond);
        assertThat(perSecond).isGreaterThan(5_000);
    }
}
