package io.maildrill.provision;

import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapSession;
import io.maildrill.imap.SelectResult;
import io.maildrill.pop3.Pop3Listings;
import io.maildrill.pop3.Pop3Session;
import io.maildrill.target.Account;
import io.maildrill.target.Target;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.Transcript;
import java.time.Duration;

/**
 * Empties a test mailbox: over IMAP (flag everything \Deleted, EXPUNGE) when the target has
 * IMAP, else over POP3 (DELE every message, QUIT). Only test accounts may be emptied: this is
 * the destructive operation behind {@code seed --clear} and fixture loading.
 */
public final class MailboxCleaner {

    private final Target target;
    private final Duration timeout;

    public MailboxCleaner(Target target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    /** Returns how many messages were removed. */
    public long clear(Account account, String mailbox) {
        if (!account.testAccount()) {
            throw new ProvisionException("refusing to empty " + mailbox + " of " + account.user()
                    + ": not declared a test account (use --test-accounts)");
        }
        return target.imap().isPresent() ? clearOverImap(account, mailbox) : clearOverPop3(account, mailbox);
    }

    private long clearOverImap(Account account, String mailbox) {
        Transcript transcript = new Transcript("clear", new CredentialRedactor());
        transcript.setEnabled(false);
        try (ImapSession session = ImapSession.connect(target.requireImap(), target.tls(), transcript, timeout)) {
            ImapCompletion login = session.login(account.user(), account.password());
            if (!login.ok()) {
                throw new ProvisionException("login as " + account.user() + " refused: " + login.tagged().text());
            }
            long removed = empty(session, mailbox, timeout);
            session.logout();
            return removed;
        }
    }

    /**
     * Empties {@code mailbox} on a logged-in session and leaves it selected; returns how many
     * messages were removed (0 when there is no such mailbox).
     */
    static long empty(ImapSession session, String mailbox, Duration timeout) {
        SelectResult selected = session.select(mailbox);
        if (!selected.ok()) {
            return 0; // no such mailbox: nothing to clear
        }
        long exists = selected.exists().orElse(0);
        if (exists > 0) {
            // Expunging a big mailbox takes the server a while; allow a minute per 100k messages.
            Duration wait = timeout.plusSeconds(60 * (exists / 100_000 + 1));
            requireOk(session.execute("STORE 1:* +FLAGS.SILENT (\\Deleted)", wait), "STORE \\Deleted", mailbox);
            requireOk(session.execute("EXPUNGE", wait), "EXPUNGE", mailbox);
        }
        return exists;
    }

    private long clearOverPop3(Account account, String mailbox) {
        if (!"INBOX".equalsIgnoreCase(mailbox)) {
            throw new ProvisionException("a POP3-only target has only INBOX; cannot clear " + mailbox);
        }
        Transcript transcript = new Transcript("clear", new CredentialRedactor());
        transcript.setEnabled(false);
        try (Pop3Session session = Pop3Session.connect(target.requirePop3(), target.tls(), transcript, timeout)) {
            if (!session.login(account.user(), account.password()).isOk()) {
                throw new ProvisionException("POP3 login as " + account.user() + " refused");
            }
            int count = Pop3Listings.stat(session.stat()).count();
            for (int n = 1; n <= count; n++) {
                if (!session.dele(n).isOk()) {
                    throw new ProvisionException("POP3 DELE " + n + " refused while clearing " + account.user());
                }
            }
            if (!session.quit().isOk()) {
                throw new ProvisionException("POP3 QUIT (UPDATE) failed while clearing " + account.user());
            }
            return count;
        }
    }

    private static void requireOk(ImapCompletion completion, String what, String mailbox) {
        if (!completion.ok()) {
            throw new ProvisionException(what + " in " + mailbox + " refused: " + completion.tagged().text());
        }
    }
}
