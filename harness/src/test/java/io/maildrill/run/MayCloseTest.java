package io.maildrill.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.faults.FakeMailServer;
import io.maildrill.net.TlsSettings;
import io.maildrill.report.model.Failure;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.report.model.StepOutcome;
import io.maildrill.script.parse.ScriptParser;
import io.maildrill.target.Account;
import io.maildrill.target.Target;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code A: may close} (RFC 1939 §4: after a failed PASS "the server may close the connection"),
 * against a POP3 server that does close after -ERR — a choice no server at hand makes on demand.
 */
class MayCloseTest {

    private static final String SCRIPT = """
            @title     failed PASS
            @covers    P11
            @level     MUST
            @protocols pop3
            @category  authentication

            session A pop3 account=1 login=none
            A> USER $user
            A< +OK
            A> PASS wrong
            A< -ERR
            %s
            A> STAT
            A< -ERR
            """;

    @Test
    @Timeout(30)
    void aCloseAfterMayCloseEndsTheSessionAndTheScriptPasses() throws Exception {
        ScriptResult r = run("A: may close", true);
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.PASSED);
        assertThat(r.steps()).filteredOn(s -> s.outcome() == StepOutcome.SKIPPED).isNotEmpty()
                .allSatisfy(s -> assertThat(s.message()).contains("ended at line 12"));
    }

    @Test
    @Timeout(30)
    void aSessionThatStaysOpenIsCheckedAsWritten() throws Exception {
        ScriptResult r = run("A: may close", false);
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.PASSED);
        assertThat(r.steps()).noneMatch(s -> s.outcome() == StepOutcome.SKIPPED);
    }

    @Test
    @Timeout(30)
    void withoutMayCloseACloseIsAFailure() throws Exception {
        ScriptResult r = run("", true);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.failure().orElseThrow().actual()).contains("closed");
    }

    @Test
    @Timeout(30)
    void closedAsAStatusAlternativeAcceptsACloseInsteadOfAnAnswer() throws Exception {
        ScriptResult r = runScript("""
                @title     closed instead of an answer
                @covers    P43
                @level     robust
                @protocols pop3
                @category  security

                session A pop3 account=1
                A> XCLOSE
                A< +OK|-ERR|closed
                A> STAT
                A< +OK 0 0
                """, true);
        assertThat(r.outcome()).as(describe(r)).isEqualTo(Outcome.PASSED);
        assertThat(r.steps()).filteredOn(s -> s.outcome() == StepOutcome.SKIPPED).isNotEmpty()
                .allSatisfy(s -> assertThat(s.message()).contains("closed the connection instead of answering"));
    }

    private static ScriptResult run(String mayClose, boolean closeAfterErr) throws Exception {
        return runScript(SCRIPT.formatted(mayClose), closeAfterErr);
    }

    private static ScriptResult runScript(String script, boolean closeAfterErr) throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> serve(client, closeAfterErr))) {
            Target target = new Target("fake", Optional.empty(), Optional.of(server.endpoint()),
                    Optional.empty(), TlsSettings.VERIFY_DEFAULT, List.of(new Account("user1", "secret-pw", true)));
            return new ScriptExecutor(target, new ExecutorOptions(Duration.ofSeconds(3), Duration.ofSeconds(3)))
                    .execute("pop3/t/may-close.script", ScriptParser.parse("may-close", script), target.accounts());
        }
    }

    /**
     * A tiny maildrop, on each connection (the runner empties the mailbox first): USER
     * is accepted, the right PASS logs in, a wrong one gets -ERR and then, if asked to, the close.
     */
    private static void serve(FakeMailServer.Client client, boolean closeAfterErr) throws java.io.IOException {
        client.sendLine("+OK ready");
        boolean loggedIn = false;
        for (String line; (line = client.readLine()) != null; ) {
            if (line.startsWith("USER")) {
                client.sendLine("+OK");
            } else if (line.equals("PASS secret-pw")) {
                loggedIn = true;
                client.sendLine("+OK logged in");
            } else if (line.startsWith("PASS")) {
                client.sendLine("-ERR no");
                if (closeAfterErr) {
                    return;
                }
            } else if (line.equals("STAT") && loggedIn) {
                client.sendLine("+OK 0 0");
            } else if (line.equals("XCLOSE")) {
                return;
            } else if (line.equals("QUIT")) {
                client.sendLine("+OK bye");
                return;
            } else {
                client.sendLine("-ERR not now");
            }
        }
    }

    private static String describe(ScriptResult r) {
        return r.failure().map(Failure::describe).orElse(r.reason().orElse("")) + " " + r.steps();
    }
}
