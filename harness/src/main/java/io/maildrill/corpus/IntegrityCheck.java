package io.maildrill.corpus;

/**
 * The result of checking a fetched copy of a corpus message against the body hash it carries
 * in {@code X-Maildrill-Body-SHA256}. Obtained from {@link CorpusMessage#verify(byte[])}.
 */
public sealed interface IntegrityCheck {

    /** True only for {@link Ok}. */
    default boolean ok() {
        return this instanceof Ok;
    }

    /** A one-line explanation for reports. */
    String describe();

    /** The body hashes to the value in the header. */
    record Ok(long seed, int index, String bodySha256) implements IntegrityCheck {
        @Override
        public String describe() {
            return "message " + index + " (seed " + seed + "): body intact, sha256 " + bodySha256;
        }
    }

    /** The body does not hash to the value in the header: the copy was altered or truncated. */
    record Mismatch(long seed, int index, String expectedSha256, String actualSha256, int bodyLength)
            implements IntegrityCheck {
        @Override
        public String describe() {
            return "message " + index + " (seed " + seed + "): body sha256 " + actualSha256
                    + " over " + bodyLength + " octets (expected: " + expectedSha256 + ")";
        }
    }

    /**
     * Something needed for the check is absent or unreadable: an integrity header, or the blank
     * line that ends the header block.
     *
     * @param what which header or structure is missing or malformed
     */
    record Missing(String what) implements IntegrityCheck {
        @Override
        public String describe() {
            return "cannot verify: " + what;
        }
    }
}
