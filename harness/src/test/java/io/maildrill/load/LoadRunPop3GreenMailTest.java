package io.maildrill.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.Target;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POP3 downloaders against the embedded GreenMail: on each of two accounts an IMAP sender appends
 * and a POP3 downloader downloads, deletes, and quits or drops. What a QUIT removed stays removed,
 * DELE'd messages are listed no more, the corpus hash holds, and GreenMail's known P31 defect is
 * caught: a DELE sets {@code \Deleted} on the stored message at once, and after a connection reset
 * without QUIT the next session's UIDL lacks it ({@code 1 1|2 2|3 3}, DELE 1, reset, then
 * {@code 2 2|3 3}, while IMAP still shows UID 1 with {@code \Deleted}); RFC 1939 §6: the session
 * "MUST not remove any messages from the maildrop" (suites' expectations/greenmail.txt has it too).
 *
 * <p>The profile is the bundled pop3 without STAT and LIST, because GreenMail 2.1.13's sizes are
 * wrong (docs/load.md has the bytes; suites' expectations/greenmail.txt has the same, P23): LIST
 * gives the body's octets only ({@code 1 8} for a message whose RETR sends 31), so every RETR
 * would break {@code pop3-size-matches-retr}, and a message with an empty body is listed as
 * {@code 1 -1}, no octet count, which ends each session at its LIST as a malformed reply and would
 * keep that account's downloader from ever deleting. Dovecot runs the whole profile
 * ({@link LoadRunDovecotTest}); {@link Pop3OracleTest} has the STAT and LIST rules.
 *
 * <p>One known IMAP defect is tolerated, the same as with two IMAP sessions (docs/load.md): after a POP3 QUIT removed messages, GreenMail's answer to
 * the sender's next APPEND begins {@code * 3 EXISTS} for a mailbox the sender knew with 4, before
 * {@code * 2 EXPUNGE} and {@code * 1 EXPUNGE} (its pending updates go out EXISTS first, RFC 3501
 * §5.2), which is {@code exists-never-shrinks}.
 */
class LoadRunPop3GreenMailTest {

    private static final String PROFILE = """
            profile pop3-greenmail
            mailbox INBOX
            messages 30
            persona downloader protocol pop3 think 100ms
            step LOGIN 100
            step UIDL 100
            step RETR 100
            step DELE 100
            step DROP 30
            step QUIT 100
            persona sender think 100ms
            step LOGIN 100
            step SELECT 100
            step APPEND 100 repeat 50
            step LOGOUT 100
            """;

    private static EmbeddedGreenMail server;
    private static Target target;

    @BeforeAll
    static void start() {
        server = EmbeddedGreenMail.start(2);
        target = server.target();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void downloadersAndSendersRunAndGreenMailsRemovalWithoutQuitIsCaught() {
        LoadStats stats = LoadChecks.assertPop3Run(target.requireImap(), target.requirePop3(), target.tls(),
                target.accounts(), Duration.ofSeconds(6), LoadProfileParser.parse("pop3-greenmail", PROFILE),
                OracleRule.EXISTS_NEVER_SHRINKS, OracleRule.POP3_DROP_REMOVES_NOTHING);

        assertThat(stats.violations().count(OracleRule.POP3_DROP_REMOVES_NOTHING)).as("GreenMail's P31 defect").isPositive();
        Violation first = stats.violations().kept(OracleRule.POP3_DROP_REMOVES_NOTHING).get(0);
        assertThat(first.command()).isEqualTo("UIDL");
        assertThat(first.toString()).contains("P31", "RFC 1939 §6", "ended without QUIT");
    }

    @Test
    void anOpenModelSessionEndsAtItsQuitOrDropAndIsTimedOnce() {
        LoadProfile profile = LoadProfileParser.parse("pop3-open", """
                profile pop3-open
                persona downloader protocol pop3
                step LOGIN 100
                step UIDL 100
                step DROP 50
                step QUIT 100
                """);
        LoadOptions options = new LoadOptions(target.requireImap(), target.tls(), target.accounts(), profile, 10,
                Duration.ofSeconds(2), Duration.ZERO, Duration.ofSeconds(10), 7, LoadOptions.Shard.WHOLE, 5,
                Optional.of(target.requirePop3()));
        LoadStats stats = new LoadRun(options, (from, to, kinds, sessions, violations) -> { }, Clock.systemUTC()).run().stats();

        assertThat(stats.errors()).isZero();
        long sessions = stats.kind(LoadStats.SESSION).completed();
        assertThat(sessions).as("2 s at 5 a second").isBetween(8L, 11L);
        assertThat(stats.kind("POP3-QUIT").completed() + stats.kind("POP3-DROP").completed())
                .as("each session quit or dropped once, and did not begin its cycle again").isEqualTo(sessions);
        assertThat(stats.kind("POP3-DROP").completed()).as("a DROP ends a session too").isPositive();
    }
}
