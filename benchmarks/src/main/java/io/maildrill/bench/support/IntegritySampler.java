package io.maildrill.bench.support;

import io.maildrill.corpus.Corpus;
import io.maildrill.corpus.CorpusMessage;
import io.maildrill.corpus.IntegrityCheck;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Checks a sample of what a benchmark fetched against the corpus, so that a client or server that
 * returns wrong bytes fails the benchmark ({@link IntegrityFailure}) instead of producing a fast
 * number. About {@value #SAMPLES_PER_PASS} messages per pass over the mailbox are checked, spread
 * evenly; the check costs a corpus regeneration per sample, which is why not every message is checked.
 */
public final class IntegritySampler {

    static final int SAMPLES_PER_PASS = 16;
    private static final byte[] INDEX_HEADER = "\r\nX-Maildrill-Index: ".getBytes(StandardCharsets.US_ASCII);

    private final Corpus corpus;
    private final int every;
    private long seen;

    public IntegritySampler(Corpus corpus) {
        this.corpus = corpus;
        this.every = Math.max(1, corpus.size() / SAMPLES_PER_PASS);
    }

    /** True when the next message seen should be checked; counts it either way. */
    public boolean sampleNext() {
        return seen++ % every == 0;
    }

    /** A whole message: its body must hash to the value in its header and its length must match. */
    public void checkMessage(byte[] fetched) {
        IntegrityCheck check = CorpusMessage.verify(fetched);
        if (!check.ok()) {
            throw new IntegrityFailure("fetched message fails its integrity check: " + check.describe());
        }
        CorpusMessage expected = corpus.message(indexOf(fetched));
        if (expected.size() != fetched.length) {
            throw new IntegrityFailure("message " + expected.index() + ": " + fetched.length + " octets fetched (expected: "
                    + expected.size() + ")");
        }
    }

    /**
     * A header block (BODY[HEADER], TOP n 0): must equal the corpus message's header octet for octet,
     * except that a missing final blank line is tolerated (GreenMail 2.1 omits it from BODY[HEADER];
     * the conformance suite reports that, a benchmark only needs to know the header is the corpus's).
     */
    public void checkHeader(byte[] fetched) {
        CorpusMessage expected = corpus.message(indexOf(fetched));
        byte[] header = expected.headerBytes();
        boolean withoutBlankLine = fetched.length == header.length - 2
                && Arrays.equals(header, 0, fetched.length, fetched, 0, fetched.length);
        if (!withoutBlankLine && !Arrays.equals(header, fetched)) {
            throw new IntegrityFailure("message " + expected.index() + ": fetched header differs from the corpus ("
                    + fetched.length + " octets, expected " + expected.headerLength() + ")");
        }
    }

    /** The corpus index a fetched copy carries in {@code X-Maildrill-Index}. */
    static int indexOf(byte[] message) {
        int at = find(message, INDEX_HEADER);
        if (at < 0) {
            throw new IntegrityFailure("fetched message has no X-Maildrill-Index header: not a corpus message");
        }
        int value = 0;
        int digits = 0;
        for (int i = at + INDEX_HEADER.length; i < message.length && message[i] >= '0' && message[i] <= '9'; i++) {
            value = value * 10 + (message[i] - '0');
            digits++;
        }
        if (digits == 0 || digits > 9) {
            throw new IntegrityFailure("unreadable X-Maildrill-Index header");
        }
        return value;
    }

    private static int find(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Thrown when a benchmark received bytes that are not the corpus: its result must not count. */
    public static final class IntegrityFailure extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public IntegrityFailure(String message) {
            super(message);
        }
    }
}
