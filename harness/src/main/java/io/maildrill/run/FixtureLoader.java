package io.maildrill.run;

import io.maildrill.corpus.Corpus;
import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.ImapSession;
import io.maildrill.imap.SelectResult;
import io.maildrill.provision.CorpusMessageSource;
import io.maildrill.provision.DeliveryProvisioner;
import io.maildrill.provision.MailboxCleaner;
import io.maildrill.provision.ProvisionProgress;
import io.maildrill.run.session.FixtureState;
import io.maildrill.run.session.SetupError;
import io.maildrill.target.Account;
import io.maildrill.target.Target;
import io.maildrill.transcript.Transcript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Loads a script's fixture into one account (docs/scripts.md "Fixture loading"): empties the
 * fixture mailbox, appends fixture messages 1..N in order with IMAP APPEND and records their UIDs.
 * A target without IMAP is emptied with POP3 DELE + QUIT and filled by LMTP/SMTP delivery (UIDs
 * then stay unknown). Any problem is a {@link SetupError}: the script cannot run, it did not fail.
 */
final class FixtureLoader {

    private final Target target;
    private final Duration timeout;

    FixtureLoader(Target target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    /**
     * @param created receives the mailbox name when the loader had to CREATE it (the runner deletes it afterwards)
     */
    FixtureState load(Account account, String mailbox, Optional<Corpus> corpus, Transcript transcript,
                      List<String> created) {
        try {
            return target.imap().isPresent()
                    ? loadByImap(account, mailbox, corpus, transcript, created)
                    : loadByDelivery(account, mailbox, corpus, transcript);
        } catch (SetupError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SetupError(1, "setup", "loading the fixture into " + account.user() + "'s " + mailbox
                    + " failed: " + e.getMessage(), e);
        }
    }

    private FixtureState loadByImap(Account account, String mailbox, Optional<Corpus> corpus, Transcript transcript,
                                    List<String> created) {
        try (ImapSession imap = ImapSession.connect(target.requireImap(), target.tls(), transcript, timeout)) {
            ImapCompletion login = imap.login(account.user(), account.password());
            if (!login.ok()) {
                throw new SetupError(1, "setup", "login refused for " + account.user() + " during setup: " + login.tagged(), null);
            }
            if (!mailbox.equalsIgnoreCase("INBOX") && imap.execute("CREATE " + quote(mailbox)).ok()) {
                created.add(mailbox);
            }
            SelectResult select = imap.select(mailbox);
            if (!select.ok()) {
                throw new SetupError(1, "setup", "cannot select " + mailbox + " for the fixture: " + select.completion().tagged(), null);
            }
            if (select.exists().orElse(0) > 0) {
                require(imap.execute("STORE 1:* +FLAGS.SILENT (\\Deleted)"), "emptying " + mailbox);
                require(imap.execute("EXPUNGE"), "emptying " + mailbox);
            }
            int n = corpus.map(Corpus::size).orElse(0);
            List<byte[]> messages = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                messages.add(corpus.get().message(i).bytes());
            }
            // One connection keeps the order: fixture message k becomes sequence number k.
            for (ImapCompletion append : n == 0 ? List.<ImapCompletion>of() : imap.appendPipelined(mailbox, messages)) {
                require(append, "APPEND of the fixture to " + mailbox);
            }
            List<Long> uids = n == 0 ? List.of() : fetchUids(imap, mailbox);
            if (uids.size() != n) {
                throw new SetupError(1, "setup", "after appending " + n + " fixture messages " + mailbox + " of "
                        + account.user() + " holds " + uids.size(), null);
            }
            try {
                imap.logout();
            } catch (RuntimeException ignored) {
                // the fixture is in place; a slow LOGOUT does not matter
            }
            return new FixtureState(mailbox, uids);
        }
    }

    private static List<Long> fetchUids(ImapSession imap, String mailbox) {
        ImapCompletion noop = imap.execute("NOOP");
        require(noop, "NOOP after the appends");
        ImapCompletion fetch = imap.execute("UID FETCH 1:* (UID)");
        require(fetch, "UID FETCH 1:* (UID) in " + mailbox);
        List<ImapResponse.Fetch> fetches = new ArrayList<>(fetch.untagged(ImapResponse.Fetch.class));
        fetches.sort(Comparator.comparingLong(ImapResponse.Fetch::sequence));
        List<Long> uids = new ArrayList<>();
        long last = 0;
        for (ImapResponse.Fetch f : fetches) {
            if (f.sequence() != last && f.uid().isPresent()) {
                uids.add(f.uid().getAsLong());
                last = f.sequence();
            }
        }
        return uids;
    }

    private FixtureState loadByDelivery(Account account, String mailbox, Optional<Corpus> corpus, Transcript transcript) {
        transcript.note("emptying " + mailbox + " of " + account.user() + " over POP3 (DELE every message, QUIT)");
        new MailboxCleaner(target, timeout).clear(account, mailbox);
        int n = corpus.map(Corpus::size).orElse(0);
        if (n > 0) {
            Target.Delivery delivery = target.delivery().orElseThrow(() -> new SetupError(1, "setup",
                    "target " + target.name() + " has no IMAP and no LMTP/SMTP endpoint to load the fixture with", null));
            DeliveryProvisioner provisioner = delivery.protocol() == Target.Delivery.Protocol.LMTP
                    ? DeliveryProvisioner.lmtp(delivery.endpoint(), 1, timeout)
                    : DeliveryProvisioner.smtp(delivery.endpoint(), 1, timeout);
            provisioner.fill(account, mailbox, new CorpusMessageSource(corpus.get()), ProvisionProgress.NONE);
        }
        return new FixtureState(mailbox, Collections.nCopies(n, 0L));
    }

    /** Deletes a mailbox the loader created (best effort, at the end of the script). */
    void deleteMailbox(Account account, String mailbox, Transcript transcript) {
        try (ImapSession imap = ImapSession.connect(target.requireImap(), target.tls(), transcript, timeout)) {
            if (imap.login(account.user(), account.password()).ok()) {
                imap.execute("DELETE " + quote(mailbox));
                imap.logout();
            }
        } catch (RuntimeException e) {
            transcript.note("could not delete " + mailbox + ": " + e.getMessage());
        }
    }

    private static void require(ImapCompletion completion, String what) {
        if (!completion.ok()) {
            throw new SetupError(1, "setup", what + " failed: " + completion.tagged(), null);
        }
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
