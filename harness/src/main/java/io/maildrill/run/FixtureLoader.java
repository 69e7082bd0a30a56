package io.maildrill.run;

import io.maildrill.corpus.Corpus;
import io.maildrill.imap.ImapCommand;
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
import io.maildrill.run.session.StepFailure;
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
 * fixture mailbox, appends fixture messages 1..N in order with IMAP APPEND and records their UIDs as
 * a fresh session sees them. A target without IMAP is emptied with POP3 DELE + QUIT and filled by
 * LMTP/SMTP delivery (UIDs then stay unknown) and read back over POP3. A connection or login problem
 * is a {@link SetupError} (the script cannot run); a server that cannot store or show the fixture
 * fails the script at its {@code @fixture} line with the server's answer ({@link StepFailure}).
 */
final class FixtureLoader {

    /** One-at-a-time loads after a failed pipelined one, each after a longer pause. */
    private static final int RETRIES = 3;
    private static final Duration SETTLE = Duration.ofMillis(300);

    private final Target target;
    private final Duration timeout;

    FixtureLoader(Target target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    /**
     * @param created    receives the mailbox name when the loader had to CREATE it (the runner deletes it afterwards)
     * @param readBack   the script has POP3 sessions: read the fixture back over POP3 for its numbering
     * @param fixtureLine the script's {@code @fixture} line, where a server's failure to store the fixture is reported
     */
    FixtureState load(Account account, String mailbox, Optional<Corpus> corpus, Transcript transcript,
                      List<String> created, boolean readBack, int fixtureLine) {
        try {
            boolean delivered = target.imap().isEmpty();
            FixtureState loaded = delivered
                    ? loadByDelivery(account, mailbox, corpus, transcript)
                    : loadByImap(account, mailbox, corpus, transcript, created, fixtureLine);
            if (corpus.isEmpty() || corpus.get().size() == 0 || target.pop3().isEmpty() || !(readBack || delivered)) {
                return loaded;
            }
            return new Pop3FixtureReader(target, timeout).read(account, corpus.get(), loaded, delivered, transcript,
                    fixtureLine);
        } catch (SetupError | StepFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SetupError(fixtureLine, "setup", "loading the fixture into " + account.user() + "'s " + mailbox
                    + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Appends the fixture pipelined on one connection (order kept: fixture message k becomes sequence
     * number k). A server that mishandles that (a NO, a dropped connection, a timeout) gets the fixture
     * again, one APPEND at a time with synchronizing literals (up to {@link #RETRIES} times), so its
     * defect in pipelining — which the framing scripts report — does not block scripts that check
     * something else. The result is verified from a fresh session, whose view is the server's, not
     * the appending session's.
     */
    private FixtureState loadByImap(Account account, String mailbox, Optional<Corpus> corpus, Transcript transcript,
                                    List<String> created, int fixtureLine) {
        List<byte[]> messages = corpus.map(FixtureLoader::messagesOf).orElse(List.of());
        Optional<String> trouble;
        try (ImapSession imap = openEmptied(account, mailbox, transcript, created)) {
            trouble = messages.isEmpty() ? Optional.empty() : appendPipelined(imap, mailbox, messages);
            if (trouble.isEmpty()) {
                logout(imap);
            }
        }
        if (trouble.isEmpty()) {
            return new FixtureState(mailbox, verifiedUids(account, mailbox, messages.size(), transcript, fixtureLine, true));
        }
        transcript.note("the pipelined load failed (" + trouble.get()
                + "); loading again, one APPEND at a time with synchronizing literals");
        for (int attempt = 1; ; attempt++) {
            // A server may still be storing what the dropped connection sent (James was seen to add a
            // message after the retry had emptied the mailbox): give it a moment before each attempt.
            pause(SETTLE.multipliedBy(attempt));
            try (ImapSession imap = openEmptied(account, mailbox, transcript, created)) {
                imap.useSynchronizingLiterals();
                for (int k = 1; k <= messages.size(); k++) {
                    ImapCompletion append = appendOne(imap, mailbox, messages.get(k - 1), k, fixtureLine);
                    if (!append.ok()) {
                        throw new StepFailure(fixtureLine, "setup", "APPEND " + mailbox + " {" + messages.get(k - 1).length
                                + "} (fixture message " + k + " of " + messages.size() + ")", "OK", append.tagged().toString());
                    }
                }
                logout(imap);
            }
            List<Long> uids = verifiedUids(account, mailbox, messages.size(), transcript, fixtureLine,
                    attempt == RETRIES);
            if (uids.size() == messages.size()) {
                return new FixtureState(mailbox, uids);
            }
            transcript.note("a new session sees " + uids.size() + " messages instead of " + messages.size()
                    + "; loading again");
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupError(1, "setup", "interrupted while loading the fixture", e);
        }
    }

    private ImapSession openEmptied(Account account, String mailbox, Transcript transcript, List<String> created) {
        ImapSession imap = ImapSession.connect(target.requireImap(), target.tls(), transcript, timeout);
        try {
            ImapCompletion login = imap.login(account.user(), account.password());
            if (!login.ok()) {
                throw new SetupError(1, "setup", "login refused for " + account.user() + " during setup: " + login.tagged(), null);
            }
            if (!mailbox.equalsIgnoreCase("INBOX") && !created.contains(mailbox)
                    && imap.execute(ImapCommand.builder("CREATE").arg(mailbox).build()).ok()) {
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
            return imap;
        } catch (RuntimeException e) {
            imap.close();
            throw e;
        }
    }

    /** Empty when every APPEND was answered OK; otherwise what went wrong, in the server's words. */
    private static Optional<String> appendPipelined(ImapSession imap, String mailbox, List<byte[]> messages) {
        try {
            for (ImapCompletion append : imap.appendPipelined(mailbox, messages)) {
                if (!append.ok()) {
                    return Optional.of("APPEND answered " + append.tagged());
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static ImapCompletion appendOne(ImapSession imap, String mailbox, byte[] message, int k, int fixtureLine) {
        try {
            return imap.execute(ImapCommand.builder("APPEND").arg(mailbox).literal(message).build());
        } catch (RuntimeException e) {
            throw new StepFailure(fixtureLine, "setup", "APPEND " + mailbox + " {" + message.length + "} (fixture message "
                    + k + ", one at a time)", "OK", e.getMessage());
        }
    }

    /**
     * The fixture's UIDs as a new session sees them. A count other than the one appended fails the
     * script when {@code last}; otherwise the caller may try again.
     */
    private List<Long> verifiedUids(Account account, String mailbox, int expected, Transcript transcript, int fixtureLine,
                                    boolean last) {
        if (expected == 0) {
            return List.of();
        }
        try (ImapSession imap = ImapSession.connect(target.requireImap(), target.tls(), transcript, timeout)) {
            require(imap.login(account.user(), account.password()), "login to verify the fixture");
            // SELECT, as the script's sessions will: a server that settles UIDs only in a read-write
            // session (Mailutils gave the newest message another UID after an EXAMINE) would otherwise
            // show every script a UID that is not the one its sessions see.
            SelectResult select = imap.select(mailbox);
            require(select.completion(), "SELECT " + mailbox + " to verify the fixture");
            List<Long> uids = fetchUids(imap, mailbox);
            if (uids.size() != expected && last) {
                throw new StepFailure(fixtureLine, "setup", "SELECT " + mailbox + " + UID FETCH 1:* (UID) in a new session",
                        expected + " fixture messages (" + expected + " APPENDs answered OK)",
                        "EXISTS " + select.exists().orElse(-1) + ", " + uids.size() + " UIDs");
            }
            logout(imap);
            return uids;
        }
    }

    private static List<byte[]> messagesOf(Corpus corpus) {
        List<byte[]> messages = new ArrayList<>(corpus.size());
        for (int i = 0; i < corpus.size(); i++) {
            messages.add(corpus.message(i).bytes());
        }
        return messages;
    }

    private static void logout(ImapSession imap) {
        try {
            imap.logout();
        } catch (RuntimeException ignored) {
            // the work is done; a slow LOGOUT does not matter
        }
    }

    private static List<Long> fetchUids(ImapSession imap, String mailbox) {
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
            DeliveryProvisioner provisioner = DeliveryProvisioner.of(delivery, 1, timeout);
            provisioner.fill(account, mailbox, new CorpusMessageSource(corpus.get()), ProvisionProgress.NONE);
        }
        return new FixtureState(mailbox, Collections.nCopies(n, 0L));
    }

    /** Deletes a mailbox the loader created (best effort, at the end of the script). */
    void deleteMailbox(Account account, String mailbox, Transcript transcript) {
        try (ImapSession imap = ImapSession.connect(target.requireImap(), target.tls(), transcript, timeout)) {
            if (imap.login(account.user(), account.password()).ok()) {
                imap.execute(ImapCommand.builder("DELETE").arg(mailbox).build());
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
}
