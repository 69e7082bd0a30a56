package io.maildrill.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SizeProfileTest {

    private static final int KB = 1024;
    private static final int MB = 1024 * 1024;

    private static int[] sizes(SizeProfile profile, ShapeMix mix, int count) {
        Corpus corpus = Corpus.of(new CorpusSpec(2024, count, profile, mix));
        int[] sizes = corpus.stream().mapToInt(CorpusMessage::size).toArray();
        Arrays.sort(sizes);
        return sizes;
    }

    private static double share(int[] sorted, long from, long to) {
        return Arrays.stream(sorted).filter(s -> s >= from && s < to).count() / (double) sorted.length;
    }

    @Test
    void realisticSizesOverTenThousandMessagesFallInTheExpectedQuantiles() {
        int[] s = sizes(SizeProfile.realistic(), ShapeMix.mixed(), 10_000);
        int median = s[s.length / 2];
        assertThat(median).isBetween(4 * KB, 12 * KB);
        // The smallest are EMPTY_BODY messages: a header block of about 500 octets, nothing more.
        assertThat(s[0]).isGreaterThanOrEqualTo(400);
        assertThat(share(s, 2 * KB, 20 * KB)).as("most 2-20 KB").isGreaterThan(0.75);
        assertThat(share(s, 100 * KB, MB + 1)).as("some 100 KB - 1 MB").isBetween(0.04, 0.12);
        assertThat(share(s, 3 * MB, Long.MAX_VALUE)).as("rare ~5 MB").isBetween(0.001, 0.012);
        assertThat(s[s.length - 1]).isLessThanOrEqualTo(9 * MB);
    }

    @Test
    void tinyMessagesAreAboutOneKilobyte() {
        int[] plain = sizes(SizeProfile.tiny(), ShapeMix.cycle(MessageShape.PLAIN), 2_000);
        assertThat(plain[0]).isGreaterThanOrEqualTo(850);
        assertThat(plain[plain.length - 1]).isLessThanOrEqualTo(1_250);
        int[] mixed = sizes(SizeProfile.tiny(), ShapeMix.mixed(), 2_000);
        assertThat(share(mixed, 700, 1_400)).as("mixed shapes, about 1 KB").isGreaterThan(0.9);
    }

    @Test
    void largeProfileHasMoreBigMessagesThanRealistic() {
        int[] large = sizes(SizeProfile.large(), ShapeMix.cycle(MessageShape.PLAIN), 1_000);
        assertThat(share(large, 100 * KB, Long.MAX_VALUE)).isBetween(0.3, 0.6);
        assertThat(share(large, 3 * MB, Long.MAX_VALUE)).isBetween(0.05, 0.16);
    }

    @Test
    void explicitRangeBoundsEveryMessageOfATextShape() {
        int[] s = sizes(SizeProfile.named("4k..64k"), ShapeMix.cycle(MessageShape.PLAIN, MessageShape.EIGHT_BIT,
                MessageShape.MULTIPART_ALTERNATIVE, MessageShape.MULTIPART_MIXED_ATTACHMENT), 2_000);
        assertThat(s[0]).isGreaterThanOrEqualTo(4 * KB - 80);
        assertThat(s[s.length - 1]).isLessThanOrEqualTo(64 * KB + 80);
        assertThat(share(s, 4 * KB, 16 * KB)).isBetween(0.4, 0.6);
    }

    @Test
    void namedProfilesAndRangesParse() {
        assertThat(SizeProfile.named("Tiny")).isEqualTo(SizeProfile.tiny());
        assertThat(SizeProfile.named("2k..1m")).isEqualTo(SizeProfile.between(2 * KB, MB));
        assertThat(SizeProfile.named("500..600").minBytes()).isEqualTo(500);
        assertThatThrownBy(() -> SizeProfile.named("huge")).hasMessageContaining("'huge'")
                .hasMessageContaining("tiny, realistic, large");
        assertThatThrownBy(() -> SizeProfile.named("2x..4k")).hasMessageContaining("'2x'");
        assertThatThrownBy(() -> SizeProfile.named("8k..4k")).hasMessageContaining("8192..4096");
    }
}
