package io.maildrill.corpus;

/**
 * What corpus to generate. Two corpora with equal specs contain byte-identical messages.
 *
 * @param seed         the corpus seed; each message derives its own generator from (seed, index)
 * @param messageCount number of messages, {@code >= 0}
 * @param sizeProfile  target size distribution
 * @param shapeMix     which shape each message gets
 */
public record CorpusSpec(long seed, int messageCount, SizeProfile sizeProfile, ShapeMix shapeMix) {

    public CorpusSpec {
        if (messageCount < 0) {
            throw new IllegalArgumentException("message count: " + messageCount + " (expected: >= 0)");
        }
        if (sizeProfile == null || shapeMix == null) {
            throw new IllegalArgumentException("size profile and shape mix are required");
        }
    }

    /** {@code messageCount} messages, realistic sizes, mixed shapes. */
    public static CorpusSpec realistic(long seed, int messageCount) {
        return new CorpusSpec(seed, messageCount, SizeProfile.realistic(), ShapeMix.mixed());
    }

    /** This spec with another size profile. */
    public CorpusSpec withSizeProfile(SizeProfile profile) {
        return new CorpusSpec(seed, messageCount, profile, shapeMix);
    }

    /** This spec with another shape mix. */
    public CorpusSpec withShapeMix(ShapeMix mix) {
        return new CorpusSpec(seed, messageCount, sizeProfile, mix);
    }
}
