package io.maildrill.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.faults.ResponseRewritingProxy.Defect;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.Target;
import java.time.Clock;
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
    void theOpenModelStartsSessionsAtItsRateAndTimesEachFromItsIntendedStart() {
        // 5 a second over 4 accounts: sessions of one account do not overlap (each takes well under 800 ms)
        LoadRun.Outcome outcome = open(5, 50, Duration.ofSeconds(3));
        LoadStats stats = outcome.stats();

        assertThat(outcome.stoppedInTime()).isTrue();
        assertThat(stats.violations().total()).isZero();
        assertThat(stats.errors()).isZero();
        CommandStats sessions = stats.kind(LoadStats.SESSION);
        assertThat(sessions.completed()).as("3 s at 5 a second").isBetween(13L, 16L);
        assertThat(outcome.users()).isEqualTo((int) sessions.completed());
        assertThat(sessions.totalLatencies().getTotalCount()).isEqualTo(sessions.completed());
        assertThat(stats.kind("LOGOUT").completed()).as("each walked its cycle once and logged out")
                .isEqualTo(sessions.completed());
        assertThat(stats.commands()).as("SESSION and CONNECT are not commands")
                .isEqualTo(stats.kinds().stream().filter(k -> !k.kind().equals(LoadStats.SESSION)
                        && !k.kind().equals(LoadStats.CONNECT)).mapToLong(CommandStats::recorded).sum());
        assertThat(stats.activeSessions()).isZero();
    }

    @Test
    void anArrivalThatFindsClientsSessionsOpenIsAnErrorNotAQueue() {
        // one every 5 ms, at most one open: a session of ten commands and a connect takes longer
        LoadStats stats = open(200, 1, Duration.ofSeconds(1)).stats();

        assertThat(stats.kind(LoadStats.SESSION).errors()).containsKey("arrival over --clients (sessions open at once)");
        assertThat(stats.kind(LoadStats.SESSION).completed()).isPositive();
        assertThat(stats.violations().total()).isZero();
    }

    private static LoadRun.Outcome open(double rate, int clients, Duration run) {
        LoadOptions options = new LoadOptions(target.requireImap(), target.tls(), target.accounts(),
                LoadProfiles.load("imaptest"), clients, run, Duration.ZERO, Duration.ofSeconds(10), 7,
                LoadOptions.Shard.WHOLE, rate);
        return new LoadRun(options, (from, to, kinds, sessions, violations) -> { }, Clock.systemUTC()).run();
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
