package io.maildrill.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IntegrityCheckTest {

    private final Corpus corpus = Corpus.of(new CorpusSpec(77, 50, SizeProfile.realistic(), ShapeMix.mixed()));

    @Test
    void intactCopyVerifiesAndNamesSeedAndIndex() {
        CorpusMessage m = corpus.message(12);
        IntegrityCheck check = CorpusMessage.verify(m.bytes());
        assertThat(check).isEqualTo(new IntegrityCheck.Ok(77, 12, m.bodySha256()));
        assertThat(check.ok()).isTrue();
    }

    @Test
    void oneChangedBodyByteIsAMismatchCarryingBothHashes() {
        CorpusMessage m = corpus.message(3);
        byte[] copy = m.bytes();
        copy[copy.length - 3] ^= 0x01;
        IntegrityCheck check = CorpusMessage.verify(copy);
        assertThat(check).isInstanceOf(IntegrityCheck.Mismatch.class);
        IntegrityCheck.Mismatch mismatch = (IntegrityCheck.Mismatch) check;
        assertThat(mismatch.expectedSha256()).isEqualTo(m.bodySha256());
        assertThat(mismatch.actualSha256()).hasSize(64).isNotEqualTo(m.bodySha256());
        assertThat(mismatch.index()).isEqualTo(3);
        assertThat(check.describe()).contains(m.bodySha256(), mismatch.actualSha256());
    }

    @Test
    void truncatedBodyIsAMismatch() {
        CorpusMessage m = corpus.message(4);
        byte[] copy = java.util.Arrays.copyOf(m.bytes(), m.size() - 1);
        assertThat(CorpusMessage.verify(copy)).isInstanceOf(IntegrityCheck.Mismatch.class);
    }

    @Test
    void headersPrependedByAServerDoNotMatter() {
        CorpusMessage m = corpus.message(5);
        byte[] prefix = "Return-Path: <x@example.test>\r\nx-maildrill-note: delivered\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] copy = new byte[prefix.length + m.size()];
        System.arraycopy(prefix, 0, copy, 0, prefix.length);
        System.arraycopy(m.bytes(), 0, copy, prefix.length, m.size());
        assertThat(CorpusMessage.verify(copy).ok()).isTrue();
    }

    @Test
    void missingHashHeaderIsReportedByName() {
        CorpusMessage m = corpus.message(6);
        String text = m.asString().replace("X-Maildrill-Body-SHA256:", "X-Something-Else:");
        IntegrityCheck check = CorpusMessage.verify(text.getBytes(StandardCharsets.UTF_8));
        assertThat(check).isEqualTo(new IntegrityCheck.Missing("X-Maildrill-Body-SHA256 header"));
        assertThat(check.ok()).isFalse();
    }

    @Test
    void headerOnlyCopyWithoutBlankLineIsMissingTheSeparator() {
        byte[] headerOnly = "Subject: x\r\nX-Maildrill-Seed: 1\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(CorpusMessage.verify(headerOnly)).isInstanceOf(IntegrityCheck.Missing.class)
                .extracting(IntegrityCheck::describe).asString().contains("CRLF CRLF");
    }

    @Test
    void emptyBodyMessagesVerify() {
        CorpusMessage m = Corpus.of(new CorpusSpec(1, 1, SizeProfile.tiny(), ShapeMix.cycle(MessageShape.EMPTY_BODY)))
                .message(0);
        assertThat(CorpusMessage.verify(m.bytes()).ok()).isTrue();
    }
}
