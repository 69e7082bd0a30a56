package io.maildrill.bench.support;

import io.maildrill.corpus.Corpus;
import io.maildrill.corpus.CorpusSpec;
import io.maildrill.corpus.SizeProfile;
import java.util.Locale;

/**
 * Which corpus a mailbox holds: message count, size profile and seed. Its {@link #mailboxName()}
 * doubles as the marker that the mailbox was filled completely with exactly this corpus.
 */
public record Fixture(int size, String profile, long seed) {

    public static final long DEFAULT_SEED = 42;

    public Fixture {
        if (size < 1) {
            throw new IllegalArgumentException("size: " + size + " (expected: >= 1)");
        }
        SizeProfile.named(profile); // fails early on an unknown profile
    }

    public static Fixture of(int size, String profile) {
        return new Fixture(size, profile, DEFAULT_SEED);
    }

    /** Every POP3 marker's name starts so; a new corpus deletes the old markers by this prefix. */
    static final String POP3_MARKER_PREFIX = "bench-pop3-marker-";

    public Corpus corpus() {
        return Corpus.of(CorpusSpec.realistic(seed, size).withSizeProfile(SizeProfile.named(profile)));
    }

    /** "bench-10000-tiny-42". */
    public String mailboxName() {
        return "bench-" + size + "-" + profile.toLowerCase(Locale.ROOT) + "-" + seed;
    }

    /** Name of the empty mailbox that marks a POP3 INBOX as holding this corpus. */
    public String pop3MarkerName() {
        return POP3_MARKER_PREFIX + size + "-" + profile.toLowerCase(Locale.ROOT) + "-" + seed;
    }
}
