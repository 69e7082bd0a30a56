package io.maildrill.run;

import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.report.model.StepOutcome;
import io.maildrill.script.parse.ScriptParser;
import io.maildrill.target.Account;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.transcript.SecretMask;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Real scripts, parsed from text, run against the in-process GreenMail. */
class ScriptExecutorGreenMailTest {

    private static EmbeddedGreenMail greenMail;
    private static ScriptExecutor executor;

    @BeforeAll
    static void start() {
        greenMail = EmbeddedGreenMail.start(2);
        executor = new ScriptExecutor(greenMail.target(), new ExecutorOptions(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() {
        greenMail.close();
    }

    static ScriptResult run(String id, String text) throws Exception {
        return executor.execute(id, ScriptParser.parse(id, text), greenMail.target().accounts());
    }

    static String describe(ScriptResult r) {
        return r.outcome() + " " + r.reason().orElse("") + r.failure().map(f -> "\n" + f.describe()).orElse("")
                + "\n" + String.join("\n", r.transcripts().values().stream().flatMap(java.util.List::stream).toList());
    }

    @Test
    void passingPop3Script() throws Exception {
        // No RSET here: GreenMail answers it with two status lines (see the test below).
        ScriptResult r = run("pop3/t/pass.script", """
                @title     STAT, LIST, RETR and DELE
                @covers    P21
                @level     MUST
                @protocols pop3
                @category  deletion
                @fixture   messages=3 shapes=plain profile=tiny seed=7
                @destructive

                session A pop3 account=1

                A> STAT
                A< +OK 3 $octets
                A> LIST
                A< +OK
                A< lines 3
                A< line 1 *
                A< line #2 ~"[0-9]+"
                A< not line 4 *
                A> RETR #2
                A< +OK
                A< content $second
                check $second == fixture.message(2)
                check A.count == 3
                A> DELE 1
                A< +OK
                check A.count == 2
                A> QUIT
                A< +OK
                A< closed
                """);
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.PASSED);
        assertThat(r.promise()).isEqualTo("deletion");
        assertThat(r.steps()).allMatch(s -> s.outcome() == StepOutcome.PASSED);
        assertThat(r.steps()).extracting(s -> s.command()).contains("RETR 2");
    }

    @Test
    void imapTwoSessionsFollowExpunges() throws Exception {
        ScriptResult r = run("imap/t/expunge.script", """
                @title     two sessions, expunge tracking
                @covers    I31 I33
                @level     MUST
                @protocols imap
                @category  deletion
                @fixture   messages=5 shapes=plain profile=tiny seed=7
                @destructive

                session A imap account=1
                session B imap account=1

                B> NOOP
                B< OK
                A> STORE #2,#4 +FLAGS.SILENT (\\Deleted)
                A< OK
                A> FETCH #4 (UID FLAGS)
                A< * #4 FETCH (UID #4.uid FLAGS (\\Deleted ...))
                A< OK
                A> EXPUNGE
                A< strict
                A< * #2 EXPUNGE
                A< * #4 EXPUNGE
                A< may * * EXISTS
                A< may * * RECENT
                A< OK
                check A.count == 3
                A> FETCH #5 (UID)
                A< * 3 FETCH (UID #5.uid)
                A< OK
                B> NOOP
                B< * #2 EXPUNGE
                B< * #4 EXPUNGE
                B< OK
                check B.count == 3
                B> FETCH #3 (UID)
                B< * 2 FETCH (UID #3.uid)
                B< OK
                converge A B
                """);
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.PASSED);
        assertThat(r.steps()).extracting(s -> s.command()).contains("A4 STORE 2,4 +FLAGS.SILENT (\\Deleted)", "A7 FETCH 3 (UID)");
    }

    /**
     * The session's own silent STORE, written with fixture references, is in its view once the
     * server said OK: converge then finds the view equal to a fresh session's, as a client's would be.
     */
    @Test
    void aSessionsOwnSilentStoreIsInItsViewSoConvergeAgrees() throws Exception {
        ScriptResult r = run("imap/t/silent.script", """
                @title     silent store, then converge
                @covers    I42
                @level     MUST
                @protocols imap
                @category  synchronisation
                @fixture   messages=3 shapes=plain profile=tiny seed=7
                @destructive

                session A imap account=1

                A> STORE #3 +FLAGS.SILENT (\\Flagged)
                A< not * * FETCH ...
                A< OK
                A> UID STORE #1.uid,#2.uid FLAGS.SILENT (\\Seen \\Answered)
                A< OK
                converge A
                """);
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.PASSED);
    }

    @Test
    void failingExpectationNamesLineSessionExpectedAndActual() throws Exception {
        ScriptResult r = run("imap/t/fail.script", """
                @title     a wrong count
                @covers    I33
                @level     MUST
                @protocols imap
                @category  deletion
                @fixture   messages=2 shapes=plain profile=tiny seed=7

                session A imap account=1

                A> NOOP
                A< OK
                A> FETCH 1:* (UID)
                A< * 1 FETCH (UID #1.uid)
                A< * 3 FETCH (UID *)
                A< OK
                A> NOOP
                A< OK
                """);
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.FAILED);
        var f = r.failure().orElseThrow();
        assertThat(f.line()).isEqualTo(14);
        assertThat(f.scriptPath()).isEqualTo("imap/t/fail.script");
        assertThat(f.session()).isEqualTo("A");
        assertThat(f.commandSent()).isEqualTo("A5 FETCH 1:* (UID)");
        assertThat(f.expected()).isEqualTo("* 3 FETCH (UID *)");
        assertThat(f.actual()).contains("* 1 FETCH (UID ", "(claimed)", "* 2 FETCH (UID ", "(unclaimed)");
        assertThat(f.catalogIds()).containsExactly("I33");
        assertThat(f.lastTranscriptLines()).anyMatch(l -> l.contains("A5 FETCH 1:* (UID)"));
        assertThat(r.steps()).extracting(s -> s.outcome())
                .containsExactly(StepOutcome.PASSED, StepOutcome.PASSED, StepOutcome.PASSED, StepOutcome.FAILED,
                        StepOutcome.SKIPPED, StepOutcome.SKIPPED);
    }

    @Test
    void missingCapabilitySkips() throws Exception {
        ScriptResult r = run("imap/t/skip.script", """
                @title     needs something GreenMail lacks
                @covers    I47
                @level     SHOULD
                @protocols imap
                @category  synchronisation
                @requires  imap IDLE XNOTHING

                session A imap account=1
                A> NOOP
                A< OK
                """);
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.SKIPPED);
        assertThat(r.reason()).contains("server lacks imap capability XNOTHING");
        assertThat(r.steps()).isEmpty();
    }

    @Test
    void wholeMessageEqualsFixture() throws Exception {
        ScriptResult r = run("imap/t/body.script", """
                @title     message bytes
                @covers    I53 D09
                @level     MUST
                @protocols imap
                @category  headers-only-fetch
                @fixture   messages=3 shapes=plain,multipart-mixed-attachment profile=tiny seed=11

                session A imap account=1

                A> FETCH #2 (BODY.PEEK[] RFC822.SIZE)
                A< * #2 FETCH (BODY[] $whole RFC822.SIZE $size)
                A< OK
                check $whole == fixture.message(2)
                check sha256($whole) == fixture.sha256(2)
                check size($whole) == $size
                check $size == fixture.size(2)
                check $whole != fixture.message(1)
                """);
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.PASSED);
        assertThat(r.promise()).isEqualTo("headers-only fetch");
    }

    /** GreenMail's BODY[HEADER] lacks the blank line that ends the header: the check must say exactly that. */
    @Test
    void headerCheckAgainstFixtureShowsTheDifference() throws Exception {
        ScriptResult r = run("imap/t/header.script", """
                @title     header bytes
                @covers    I49
                @level     MUST
                @protocols imap
                @category  headers-only-fetch
                @fixture   messages=2 shapes=plain profile=tiny seed=11

                session A imap account=1

                A> FETCH #1 (BODY.PEEK[HEADER])
                A< * #1 FETCH (BODY[HEADER] $header)
                A< OK
                check $header == fixture.header(1)
                """);
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.FAILED);
        var f = r.failure().orElseThrow();
        assertThat(f.line()).isEqualTo(13);
        assertThat(f.expected()).isEqualTo("check $header == fixture.header(1)");
        assertThat(f.actual()).contains("left  = \"Message-ID: ", "right = \"Message-ID: ")
                .containsPattern("first difference at octet (\\d+) \\(left \\1 octets, right \\d+\\)")
                .contains("\\r\\n\\r\\n\"");
    }

    @Test
    void idlePushAndConverge() throws Exception {
        ScriptResult r = run("imap/t/idle.script", """
                @title     idle push
                @covers    I47
                @level     SHOULD
                @protocols imap
                @category  synchronisation
                @requires  imap IDLE
                @fixture   messages=4 shapes=plain profile=tiny seed=7
                @destructive

                session A imap account=1
                session C imap account=1

                C: idle
                A> STORE #2 +FLAGS.SILENT (\\Deleted)
                A< OK
                A> EXPUNGE
                A< * #2 EXPUNGE
                A< OK
                C< within 5s
                C< * #2 EXPUNGE
                C: done
                C< OK
                converge A
                """);
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.PASSED);
    }

    /** Nothing changes, so nothing is pushed: the same silence is "not offered" at MAY and a failure at SHOULD. */
    private static final String SILENT_IDLE = """
            @title     idle push that never comes
            @covers    I47
            @level     %s
            @protocols imap
            @category  synchronisation
            @requires  imap IDLE
            @fixture   messages=1 shapes=plain profile=tiny seed=7

            session C imap account=1

            C: idle
            C< within 1s
            C< * 2 EXISTS
            C: done
            C< OK
            """;

    @Test
    void silenceInAMayScriptIsOptionalBehaviourNotOffered() throws Exception {
        ScriptResult r = run("imap/t/idle-may.script", SILENT_IDLE.formatted("MAY"));
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.SKIPPED);
        assertThat(r.reason()).hasValueSatisfying(why -> assertThat(why).contains("optional behaviour not offered")
                .contains("line 13"));
    }

    @Test
    void silenceInAShouldScriptIsAFailure() throws Exception {
        ScriptResult r = run("imap/t/idle-should.script", SILENT_IDLE.formatted("SHOULD"));
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.FAILED);
        assertThat(r.failure().orElseThrow().actual()).contains("no untagged responses arrived");
    }

    @Test
    void passwordNeverInTranscripts() throws Exception {
        ScriptResult r = run("imap/t/login.script", """
                @title     manual login
                @covers    S05
                @level     MUST
                @protocols imap
                @category  security
                @fixture   messages=1 shapes=plain profile=tiny seed=1

                session A imap account=1 login=none select=none
                A< greeting OK ...
                A> LOGIN $user $password
                A< OK
                A> SELECT INBOX
                A< * 1 EXISTS
                A< OK ...
                A> FETCH #1 (UID)
                A< * 1 FETCH (UID #1.uid)
                A< OK
                """);
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.PASSED);
        String password = greenMail.target().accounts().get(0).password();
        assertThat(r.transcripts()).isNotEmpty();
        assertThat(r.transcripts().values()).allSatisfy(lines -> assertThat(String.join("\n", lines)).doesNotContain(password));
        assertThat(r.transcripts().get("A")).anyMatch(l -> l.contains("LOGIN") && l.contains("<redacted>"));
        assertThat(r.steps().toString()).doesNotContain(password);
    }

    /**
     * GreenMail answers RSET with two status lines. Where the extra one is reported is a race, with three
     * outcomes: it arrives while the RSET group still looks (reported there, line 14); it arrives before
     * QUIT is sent but after that group (it answers no command; reported by QUIT's groups, 16 or 17); or
     * after QUIT is sent (QUIT takes it, and QUIT's own reply then answers no command, 16 or 17). The
     * verdict, FAILED for a reply that answers no command, is the same in all three.
     */
    @org.junit.jupiter.api.RepeatedTest(8)
    void extraPop3StatusLineIsReportedWhicheverWayTheRaceGoes() throws Exception {
        ScriptResult r = run("pop3/t/rset-twice.script", """
                @title     RSET then QUIT
                @covers    P27
                @level     MUST
                @protocols pop3
                @category  deletion
                @fixture   messages=2 shapes=plain profile=tiny seed=7
                @destructive

                session A pop3 account=1

                A> DELE 1
                A< +OK
                A> RSET
                A< +OK
                A> QUIT
                A< +OK
                A< closed
                """);
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.FAILED);
        assertThat(r.failure().orElseThrow().actual()).contains("answers no command in flight");
        assertThat(r.failure().orElseThrow().line()).isIn(14, 16, 17);
    }

    @Test
    void selectAnsweredBadKeepsTheViewForMessageReferences() throws Exception {
        ScriptResult r = run("imap/t/bad-select.script", """
                @title     a SELECT answered BAD changes nothing
                @covers    I03
                @level     MUST
                @protocols imap
                @category  errors
                @fixture   messages=2 shapes=plain profile=tiny seed=10

                session A imap account=1

                A> SELECT
                A< BAD
                A> FETCH #2 (UID)
                A< * #2 FETCH (UID #2.uid)
                A< OK
                A> SELECT "No Such Mailbox"
                A< NO
                A> FETCH #2 (UID)
                A< BAD|NO
                """);
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.FAILED);
        // The NO deselects (RFC 3501 section 6.3.1): only then does #2 leave the view.
        assertThat(r.failure().orElseThrow().line()).isEqualTo(17);
        assertThat(r.failure().orElseThrow().actual()).contains("#2 was expunged");
    }

    @Test
    void pipeliningWithExplicitTagsAndPop3Bursts() throws Exception {
        ScriptResult imap = run("imap/t/pipeline.script", """
                @title     pipelined fetches answered in any order
                @covers    I15
                @level     MUST
                @protocols imap
                @category  framing
                @fixture   messages=2 shapes=plain profile=tiny seed=5

                session A imap account=1

                A/f1> FETCH 1 (UID)
                A/f2> FETCH 2 (UID)
                A/f2< * 2 FETCH (UID #2.uid)
                A/f2< OK
                A/f1< * 1 FETCH (UID #1.uid)
                A/f1< OK
                A> APPEND INBOX {fixture.message(1)}
                A< + ...
                A< OK [APPENDUID * $newuid] ...
                A> NOOP
                A< may * 3 EXISTS
                A< OK
                check A.count == 3
                """);
        assertThat(imap.outcome()).as(describe(imap)).isEqualTo(Outcome.PASSED);
        ScriptResult pop3 = run("pop3/t/pipeline.script", """
                @title     POP3 burst
                @covers    P38
                @level     MUST
                @protocols pop3
                @category  framing
                @fixture   messages=3 shapes=plain profile=tiny seed=5

                session A pop3 account=1

                A> STAT
                A> LIST 1
                A> NOOP
                A< +OK 3 *
                A< +OK 1 *
                A< +OK
                """);
        assertThat(pop3.outcome()).as(describe(pop3)).isEqualTo(Outcome.PASSED);
    }

    // A password a script author wrote into raw sends, a SASL response sent raw, and a server that
    // echoes what it was sent: none of it reaches a result, in any of the forms it takes on the wire.

    private static String plain(Account a) {
        return Base64.getEncoder().encodeToString(("\0" + a.user() + "\0" + a.password()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rawSendsAndServerEchoesAreMaskedInEveryPartOfTheResult() throws Exception {
        Account a = greenMail.target().account(1);
        ScriptResult r = run("imap/t/secrets.script", """
                @title  raw sends carrying a password
                @covers I01
                @level  MUST
                @protocols imap
                @category security

                session A imap account=1 login=none

                A/x1>> "x1 AUTHENTICATE PLAIN %s\\r\\n"
                A/x1< OK|NO|BAD
                A/x2>> "x2 SELECT %s\\r\\n"
                A/x2< OK
                """.formatted(plain(a), a.password()));
        String everything = r.toString();
        assertThat(r.failure()).as("the SELECT of a mailbox named like the password fails: %s", everything).isPresent();
        assertThat(everything).doesNotContain(a.password()).doesNotContain(plain(a).replace("=", ""))
                .contains(SecretMask.MASK);
        assertThat(r.steps()).extracting(s -> s.command()).anyMatch(c -> c.contains("x2 SELECT " + SecretMask.MASK));
    }

    @Test
    void pop3SaslExchangeWithTheBuiltInPlainResponseLogsInAndShowsNoSecret() throws Exception {
        Account a = greenMail.target().account(1);
        ScriptResult r = run("pop3/t/sasl.script", """
                @title  AUTH PLAIN answered with $sasl_plain
                @covers P44
                @level  MUST
                @protocols pop3
                @category security

                session A pop3 account=1 login=none
                session B pop3 account=1 login=none

                A> AUTH PLAIN
                A< +
                A> $sasl_plain
                A< +OK
                A> STAT
                A< +OK 0 0
                A> QUIT
                A< +OK
                B> AUTH PLAIN
                B< +|-ERR
                B> $password_base64
                B< -ERR
                """);
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.PASSED);
        String everything = r.toString();
        assertThat(everything).doesNotContain(a.password()).doesNotContain(plain(a).replace("=", ""))
                .doesNotContain(Base64.getEncoder().encodeToString(a.password().getBytes(StandardCharsets.UTF_8)).replace("=", ""));
    }
}
