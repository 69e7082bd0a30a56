package io.maildrill.provision;

import io.maildrill.corpus.Corpus;

/** Provisions a deterministic {@link Corpus}: message {@code i} is the corpus message {@code i}. */
public record CorpusMessageSource(Corpus corpus) implements MessageSource {

    @Override
    public long count() {
        return corpus.size();
    }

    @Override
    public byte[] message(long index) {
        return corpus.message(Math.toIntExact(index)).bytes();
    }
}
