package io.maildrill.load;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.maildrill.target.Account;
import io.maildrill.target.ServerScriptTarget;
import io.maildrill.target.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bundled pop3 profile against the loopback Dovecot (when {@code .ci/run} or
 * servers/dovecot/start exported it), on accounts 6-9 like {@link LoadRunDovecotTest} (the two do
 * not run at once: surefire runs test classes one after another): an IMAP sender and a POP3
 * downloader on each account, every POP3 step taken, no rule broken and no error.
 */
class LoadRunPop3DovecotTest {

    private Target dovecot;
    private List<Account> accounts;

    @BeforeEach
    void dovecot() {
        dovecot = ServerScriptTarget.dovecot().orElse(null);
        assumeTrue(dovecot != null, "MAILDRILL_DOVECOT_TARGET not set: Dovecot not started (servers/dovecot/start)");
        assumeTrue(dovecot.accounts().size() >= 9, "accounts 6-9 are this test's: start Dovecot with 9 users or more");
        assumeTrue(dovecot.pop3().isPresent(), "MAILDRILL_DOVECOT_TARGET has no pop3:// endpoint");
        accounts = List.of(dovecot.account(6), dovecot.account(7), dovecot.account(8), dovecot.account(9));
    }

    @Test
    void downloadersAndSendersRunCleanly() {
        LoadChecks.assertPop3Run(dovecot.requireImap(), dovecot.requirePop3(), dovecot.tls(), accounts,
                Duration.ofSeconds(6), LoadProfiles.load("pop3"));
    }
}
