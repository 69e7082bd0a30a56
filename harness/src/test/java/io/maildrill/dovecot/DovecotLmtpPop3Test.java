package io.maildrill.dovecot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.maildrill.corpus.Corpus;
import io.maildrill.corpus.CorpusFixture;
import io.maildrill.corpus.CorpusMessage;
import io.maildrill.pop3.Pop3Listings;
import io.maildrill.pop3.Pop3Reply;
import io.maildrill.pop3.Pop3Response;
import io.maildrill.pop3.Pop3Session;
import io.maildrill.provision.CorpusMessageSource;
import io.maildrill.provision.DeliveryProvisioner;
import io.maildrill.provision.ProvisionProgress;
import io.maildrill.provision.ProvisionResult;
import io.maildrill.target.Account;
import io.maildrill.target.ServerScriptTarget;
import io.maildrill.target.Target;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.Transcript;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Against the Dovecot that .ci/run (or servers/dovecot/start) started: LMTP delivery of corpus
 * messages, then POP3 sees exactly those messages with intact bodies. Skipped, with that reason,
 * when no Dovecot target is exported.
 */
class DovecotLmtpPop3Test {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void lmtpDeliveredCorpusIsReadBackOverPop3WithIntactBodies() {
        Target dovecot = ServerScriptTarget.dovecot().orElse(null);
        assumeTrue(dovecot != null, "MAILDRILL_DOVECOT_TARGET not set: Dovecot not started (servers/dovecot/start)");
        Account account = dovecot.account(4);
        emptyMaildrop(dovecot, account);

        Corpus corpus = CorpusFixture.parse("messages=30 shapes=mixed profile=tiny seed=11").corpus();
        ProvisionResult result = DeliveryProvisioner.lmtp(dovecot.delivery().orElseThrow().endpoint(), 1, TIMEOUT)
                .fill(account, "INBOX", new CorpusMessageSource(corpus), ProvisionProgress.NONE);
        assertThat(result.messages()).isEqualTo(30);

        try (Pop3Session pop3 = login(dovecot, account)) {
            assertThat(Pop3Listings.stat(pop3.stat()).count()).isEqualTo(30);
            for (int n = 1; n <= 30; n++) {
                Pop3Response retr = (Pop3Response) pop3.retr(n);
                CorpusMessage original = corpus.message(n - 1);
                assertThat(CorpusMessage.verify(retr.content()).ok()).as("integrity of message %d", n).isTrue();
                byte[] content = retr.content();
                byte[] body = Arrays.copyOfRange(content, content.length - original.bodyLength(), content.length);
                assertThat(body).as("body of message %d", n).isEqualTo(original.bodyBytes());
            }
            pop3.quit();
        }
        emptyMaildrop(dovecot, account);
    }

    private static Pop3Session login(Target target, Account account) {
        Pop3Session session = Pop3Session.connect(target.requirePop3(), target.tls(),
                new Transcript("pop3", new CredentialRedactor()), TIMEOUT);
        Pop3Reply reply = session.login(account.user(), account.password());
        assertThat(reply.isOk()).as("login of %s: %s", account.user(), reply.describe()).isTrue();
        return session;
    }

    private static void emptyMaildrop(Target target, Account account) {
        try (Pop3Session pop3 = login(target, account)) {
            int count = Pop3Listings.stat(pop3.stat()).count();
            for (int n = 1; n <= count; n++) {
                assertThat(pop3.dele(n).isOk()).isTrue();
            }
            assertThat(pop3.quit().isOk()).isTrue();
        }
    }
}
