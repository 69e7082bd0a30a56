package io.maildrill.dovecot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.maildrill.corpus.Corpus;
import io.maildrill.corpus.CorpusFixture;
import io.maildrill.corpus.CorpusMessage;
import io.maildrill.imap.ImapCommand;
import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.ImapSession;
import io.maildrill.provision.CorpusMessageSource;
import io.maildrill.provision.MaildirLocation;
import io.maildrill.provision.MaildirProvisioner;
import io.maildrill.provision.ProvisionException;
import io.maildrill.provision.ProvisionProgress;
import io.maildrill.provision.ProvisionResult;
import io.maildrill.target.Account;
import io.maildrill.target.ServerScriptTarget;
import io.maildrill.target.Target;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.Transcript;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the Dovecot that servers/dovecot/start runs: corpus messages written as maildir files
 * by several threads are what Dovecot serves afterwards, in corpus order, with RFC822.SIZE equal
 * to the corpus size and the integrity header intact. Uses the last account of
 * MAILDRILL_DOVECOT_USERS in a mailbox of its own. Skipped, with the reason, when no Dovecot or
 * no maildir template (MAILDRILL_DOVECOT_MAILDIR) is exported, or when this process may not write there.
 */
class DovecotMaildirProvisionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String MAILBOX = "maildrill-maildir-test";

    private Target dovecot;
    private Account account;
    private MaildirLocation location;

    @BeforeEach
    void findDovecot() {
        dovecot = ServerScriptTarget.dovecot().orElse(null);
        assumeTrue(dovecot != null, "MAILDRILL_DOVECOT_TARGET not set: Dovecot not started (servers/dovecot/start)");
        String template = System.getenv(ServerScriptTarget.variablePrefix("dovecot") + "MAILDIR");
        assumeTrue(template != null && !template.isBlank(), "MAILDRILL_DOVECOT_MAILDIR not set (servers/dovecot/start exports it)");
        location = new MaildirLocation(template);
        assumeTrue(Files.isWritable(location.root()), location.root() + " is not writable by this process");
        account = dovecot.accounts().get(dovecot.accounts().size() - 1);
        deleteMailbox();
    }

    @AfterEach
    void cleanUp() {
        if (dovecot != null && location != null) {
            deleteMailbox();
        }
    }

    @Test
    void dovecotServesWrittenFilesInCorpusOrderWithTheirSizesAndIntegrityHeaders() {
        int count = 300;
        Corpus corpus = CorpusFixture.parse("messages=" + count + " shapes=mixed profile=tiny seed=18").corpus();
        ProvisionResult result = new MaildirProvisioner(location, dovecot.requireImap(), dovecot.tls(), 3, TIMEOUT)
                .fill(account, MAILBOX, new CorpusMessageSource(corpus), ProvisionProgress.NONE);
        assertThat(result.messages()).isEqualTo(count);
        assertThat(result.octets()).isEqualTo(corpus.totalBytes());

        try (ImapSession imap = login()) {
            assertThat(imap.select(MAILBOX).exists()).hasValue(count);
            int[] seen = new int[1];
            ImapCompletion done = imap.fetchStream("FETCH 1:* (RFC822.SIZE BODY.PEEK[])", f -> {
                CorpusMessage original = corpus.message((int) f.sequence() - 1);
                byte[] served = f.body("").orElseThrow().bytes();
                assertThat(f.rfc822Size()).as("RFC822.SIZE of %d", f.sequence()).hasValue(original.size());
                assertThat(CorpusMessage.verify(served).ok()).as("integrity header of %d", f.sequence()).isTrue();
                assertThat(served).as("bytes of message %d (corpus %d)", f.sequence(), f.sequence() - 1)
                        .isEqualTo(original.bytes());
                seen[0]++;
            });
            assertThat(done.ok()).isTrue();
            assertThat(seen[0]).isEqualTo(count);
        }
    }

    @Test
    void aTemplateThatIsNotThisAccountsMaildirIsRefusedNamingTheDirectory() throws Exception {
        MaildirLocation elsewhere = new MaildirLocation(Files.createTempDirectory("maildrill-not-a-maildir") + "/%u/Maildir");
        MaildirProvisioner provisioner = new MaildirProvisioner(elsewhere, dovecot.requireImap(), dovecot.tls(), 1, TIMEOUT);
        CorpusMessageSource messages = new CorpusMessageSource(CorpusFixture.parse("messages=3 seed=1").corpus());

        assertThatThrownBy(() -> provisioner.fill(account, MAILBOX, messages, ProvisionProgress.NONE))
                .isInstanceOf(ProvisionException.class)
                .hasMessageContaining(elsewhere.mailboxDirectory(account.user(), MAILBOX).toString())
                .hasMessageContaining("not a directory");
    }

    private void deleteMailbox() {
        try (ImapSession imap = login()) {
            List<ImapResponse> listed = imap.execute(ImapCommand.builder("LIST").arg("").arg(MAILBOX).build()).untagged();
            if (listed.stream().anyMatch(ImapResponse.Listing.class::isInstance)) {
                assertThat(imap.execute(ImapCommand.builder("DELETE").arg(MAILBOX).build()).ok()).isTrue();
            }
        }
    }

    private ImapSession login() {
        ImapSession session = ImapSession.connect(dovecot.requireImap(), dovecot.tls(),
                new Transcript("maildir-test", new CredentialRedactor()), TIMEOUT);
        assertThat(session.login(account.user(), account.password()).ok()).as("login of %s", account.user()).isTrue();
        return session;
    }
}
