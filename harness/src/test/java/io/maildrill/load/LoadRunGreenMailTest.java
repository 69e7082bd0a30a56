package io.maildrill.load;

import io.maildrill.faults.ResponseRewritingProxy.Defect;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.Target;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The load engine against the embedded GreenMail: a clean run has no violation and no error, and
 * each defect a proxy plants in the real server's answers is caught, with the session, the
 * command and the server's bytes.
 */
class LoadRunGreenMailTest {

    private static final Duration RUN = Duration.ofSeconds(4);
    private static EmbeddedGreenMail server;
    private static Target target;

    @BeforeAll
    static void start() {
        server = EmbeddedGreenMail.start(4);
        target = server.target();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCleanRunHasCommandsOfEveryKindAndNoViolationNorError() {
        LoadChecks.assertCleanRun(target.requireImap(), target.tls(), target.accounts(), RUN);
    }

    @Test
    void wrongExpungeSequenceNumbersAreCaught() throws Exception {
        LoadChecks.assertCaught(target.requireImap(), target.tls(), target.accounts(), RUN, Defect.EXPUNGE_SEQUENCE_OFF_BY_ONE,
                OracleRule.EXPUNGE_NAMES_A_MESSAGE, OracleRule.UID_NEVER_CHANGES, OracleRule.UIDS_ASCEND,
                OracleRule.FETCH_NAMES_A_MESSAGE);
    }

    @Test
    void uidsShiftedOnSomeConnectionsAreCaught() throws Exception {
        LoadChecks.assertCaught(target.requireImap(), target.tls(), target.accounts(), RUN,
                Defect.UIDS_SHIFTED_ON_SOME_CONNECTIONS, OracleRule.STATIC_ITEMS_UNCHANGED, OracleRule.SIZE_MATCHES_BODY);
    }

    @Test
    void anRfc822SizeOffByTwoIsCaught() throws Exception {
        LoadChecks.assertCaught(target.requireImap(), target.tls(), target.accounts(), RUN, Defect.RFC822_SIZE_PLUS_TWO,
                OracleRule.SIZE_MATCHES_BODY);
    }
}
