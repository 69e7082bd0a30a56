package io.maildrill.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildrill.bench.support.MailboxSizes;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WorkloadGlobsTest {

    @Test
    void globMatchesWholeMethodNamesOnly() {
        Pattern p = Pattern.compile(WorkloadGlobs.toRegex(List.of("imap*", "pop3RetrAll")));

        assertThat(p.matcher("io.maildrill.bench.imap.ImapReadBench.imapEnvelope").find()).isTrue();
        assertThat(p.matcher("io.maildrill.bench.jakarta.JakartaImapBench.imapHeaders").find()).isTrue();
        assertThat(p.matcher("io.maildrill.bench.pop3.Pop3ReadBench.pop3RetrAll").find()).isTrue();
        assertThat(p.matcher("io.maildrill.bench.pop3.Pop3ReadBench.pop3List").find()).isFalse();
        assertThat(p.matcher("io.maildrill.bench.codec.DecoderBench.decodeFetchStream").find()).isFalse();
    }

    @Test
    void rejectsRegexSyntaxInGlobs() {
        assertThatThrownBy(() -> WorkloadGlobs.toRegex(List.of("imap.*"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkloadGlobs.toRegex(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mailboxSizesAcceptSuffixes() {
        assertThat(MailboxSizes.parseList("1k, 10k,100000,1m")).containsExactly(1_000, 10_000, 100_000, 1_000_000);
        assertThatThrownBy(() -> MailboxSizes.parse("ten")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailboxSizes.parse("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailboxSizes.parseList(",")).isInstanceOf(IllegalArgumentException.class);
    }
}
