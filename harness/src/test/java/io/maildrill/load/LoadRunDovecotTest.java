package io.maildrill.load;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.maildrill.faults.ResponseRewritingProxy.Defect;
import io.maildrill.target.Account;
import io.maildrill.target.ServerScriptTarget;
import io.maildrill.target.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The load engine against the loopback Dovecot (when {@code .ci/run} or servers/dovecot/start
 * exported it), on accounts 6-9, which no other harness test uses: a clean run of imaptest's mix has
 * no violation and no error, idle sessions are pushed what others change, POP3 downloaders and
 * IMAP senders break no rule, and the planted defects are caught under load.
 */
class LoadRunDovecotTest {

    private static final Duration RUN = Duration.ofSeconds(4);
    private Target dovecot;
    private List<Account> accounts;

    @BeforeEach
    void dovecot() {
        dovecot = ServerScriptTarget.dovecot().orElse(null);
        assumeTrue(dovecot != null, "MAILDRILL_DOVECOT_TARGET not set: Dovecot not started (servers/dovecot/start)");
        assumeTrue(dovecot.accounts().size() >= 9, "accounts 6-9 are this test's: start Dovecot with 9 users or more");
        accounts = List.of(dovecot.account(6), dovecot.account(7), dovecot.account(8), dovecot.account(9));
    }

    @Test
    void imaptestsMixRunsCleanly() {
        LoadChecks.assertCleanRun(dovecot.requireImap(), dovecot.tls(), accounts, RUN);
    }

    @Test
    void idleSessionsArePushedTheChangesAndEveryPushIsChecked() {
        LoadChecks.assertIdlersArePushedAndChecked(dovecot.requireImap(), dovecot.tls(), accounts, RUN.multipliedBy(2), 100);
    }

    @Test
    void pop3DownloadersAndImapSendersRunCleanly() {
        assumeTrue(dovecot.pop3().isPresent(), "MAILDRILL_DOVECOT_TARGET has no pop3:// endpoint");
        LoadChecks.assertPop3Run(dovecot.requireImap(), dovecot.requirePop3(), dovecot.tls(), accounts,
                Duration.ofSeconds(6), LoadProfiles.load("pop3"));
    }

    @Test
    void plantedDefectsAreCaughtUnderLoad() throws Exception {
        LoadChecks.assertCaught(dovecot.requireImap(), dovecot.tls(), accounts, RUN, Defect.EXPUNGE_SEQUENCE_OFF_BY_ONE,
                OracleRule.EXPUNGE_NAMES_A_MESSAGE, OracleRule.UID_NEVER_CHANGES, OracleRule.UIDS_ASCEND,
                OracleRule.FETCH_NAMES_A_MESSAGE);
        LoadChecks.assertCaught(dovecot.requireImap(), dovecot.tls(), accounts, RUN, Defect.UIDS_SHIFTED_ON_SOME_CONNECTIONS,
                OracleRule.STATIC_ITEMS_UNCHANGED, OracleRule.SIZE_MATCHES_BODY);
        LoadChecks.assertCaught(dovecot.requireImap(), dovecot.tls(), accounts, RUN, Defect.RFC822_SIZE_PLUS_TWO,
                OracleRule.SIZE_MATCHES_BODY);
    }
}
