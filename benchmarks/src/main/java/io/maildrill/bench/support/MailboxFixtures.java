package io.maildrill.bench.support;

import io.maildrill.imap.ImapCommand;
import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.ImapSession;
import io.maildrill.imap.SelectResult;
import io.maildrill.provision.CorpusMessageSource;
import io.maildrill.provision.MailboxCleaner;
import io.maildrill.provision.ProvisionProgress;
import io.maildrill.target.Account;
import java.util.List;

/**
 * Fills benchmark mailboxes once and reuses them. A read-only IMAP fixture lives in a mailbox named
 * after its corpus ({@link Fixture#mailboxName()}): when that mailbox holds exactly the expected
 * number of messages it is reused, otherwise it is deleted and filled again. POP3 can only read
 * INBOX, so a POP3 fixture is INBOX plus an empty marker mailbox naming the corpus it holds.
 * Integrity samples taken while measuring catch a reused mailbox whose content is not the corpus.
 *
 * <p>Counts are read with SELECT, never EXAMINE, as the script runner's fixture check does:
 * Mailutils 3.15 answered a fresh EXAMINE of a 10 000-message maildir with 9 979 EXISTS while
 * all 10 000 files were there, and the fixture was refilled on every trial.
 */
public final class MailboxFixtures {

    private MailboxFixtures() {
    }

    /** Makes sure the reader account has the fixture's mailbox; returns its name. */
    public static String ensureImapMailbox(BenchServer server, Fixture fixture) {
        Account account = server.readerAccount();
        String mailbox = server.mailbox(fixture.mailboxName());
        try (ImapSession session = Sessions.imap(server, account)) {
            SelectResult existing = session.select(mailbox);
            if (existing.ok() && existing.exists().orElse(-1) == fixture.size()) {
                return mailbox;
            }
            if (existing.ok()) {
                session.execute("CLOSE");
                requireOk(session.execute(ImapCommand.builder("DELETE").arg(mailbox).build()), "DELETE " + mailbox);
            }
        }
        server.bulkProvisioner().fill(account, mailbox, new CorpusMessageSource(fixture.corpus()), ProvisionProgress.NONE);
        requireCount(server, account, mailbox, fixture.size());
        return mailbox;
    }

    /** Makes sure the reader account's INBOX holds exactly the fixture (for POP3). */
    public static void ensurePop3Inbox(BenchServer server, Fixture fixture) {
        Account account = server.readerAccount();
        String marker = server.mailbox(fixture.pop3MarkerName());
        try (ImapSession session = Sessions.imap(server, account)) {
            boolean marked = session.select(marker).ok();
            SelectResult inbox = session.select("INBOX");
            if (marked && inbox.exists().orElse(-1) == fixture.size()) {
                return;
            }
            ImapCompletion markers = session.execute(ImapCommand.builder("LIST").arg("").arg(server.mailbox(Fixture.POP3_MARKER_PREFIX + "*"))
                    .build());
            for (ImapResponse.Listing listing : markers.untagged(ImapResponse.Listing.class)) {
                session.execute(ImapCommand.builder("DELETE").arg(listing.name()).build());
            }
        }
        fillInbox(server, account, fixture);
        try (ImapSession session = Sessions.imap(server, account)) {
            requireOk(session.execute(ImapCommand.builder("CREATE").arg(marker).build()), "CREATE " + marker);
        }
    }

    /** Empties {@code account}'s INBOX and fills it with the fixture (the POP3 drain does this per invocation). */
    public static void fillInbox(BenchServer server, Account account, Fixture fixture) {
        new MailboxCleaner(server.target(), BenchServer.TIMEOUT).clear(account, "INBOX");
        server.provisioner().fill(account, "INBOX", new CorpusMessageSource(fixture.corpus()), ProvisionProgress.NONE);
        requireCount(server, account, "INBOX", fixture.size());
    }

    /** Deletes a scratch mailbox if it exists (APPEND and IDLE targets). */
    public static void dropMailbox(BenchServer server, Account account, String mailbox) {
        try (ImapSession session = Sessions.imap(server, account)) {
            session.execute(ImapCommand.builder("DELETE").arg(mailbox).build());
        }
    }

    private static void requireCount(BenchServer server, Account account, String mailbox, int expected) {
        try (ImapSession session = Sessions.imap(server, account)) {
            long exists = session.select(mailbox).exists().orElse(-1);
            if (exists != expected) {
                throw new IllegalStateException(mailbox + " of " + account.user() + " holds " + exists
                        + " messages after provisioning (expected: " + expected + ")");
            }
        }
    }

    static void requireOk(ImapCompletion completion, String what) {
        if (!completion.ok()) {
            throw new IllegalStateException(what + " failed: " + completion.tagged().text());
        }
    }

    /** For callers that collect tags of a pipelined batch. */
    static boolean allOk(List<ImapCompletion> completions) {
        return completions.stream().allMatch(ImapCompletion::ok);
    }
}
