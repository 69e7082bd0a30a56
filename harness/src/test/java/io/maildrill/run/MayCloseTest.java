package io.maildrill.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.net.Endpoint;
import io.maildrill.net.TlsSettings;
import io.maildrill.report.model.Failure;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.report.model.StepOutcome;
import io.maildrill.script.parse.ScriptParser;
import io.maildrill.target.Account;
import io.maildrill.target.Target;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> serve(server, closeAfterErr), "fake-pop3");
            t.setDaemon(true);
            t.start();
            Target target = new Target("fake", Optional.empty(), Optional.of(Endpoint.plain("127.0.0.1", server.getLocalPort())),
                    Optional.empty(), TlsSettings.VERIFY_DEFAULT, List.of(new Account("user1", "secret-pw", true)));
            return new ScriptExecutor(target, new ExecutorOptions(Duration.ofSeconds(3), Duration.ofSeconds(3)))
                    .execute("pop3/t/may-close.script", ScriptParser.parse("may-close", script), target.accounts());
        }
    }

    /**
     * A tiny maildrop, one connection after the other (the runner empties the mailbox first): USER
     * is accepted, the right PASS logs in, a wrong one gets -ERR and then, if asked to, the close.
     */
    private static void serve(ServerSocket server, boolean closeAfterErr) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                reply(out, "+OK ready");
                boolean loggedIn = false;
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("USER")) {
                        reply(out, "+OK");
                    } else if (line.equals("PASS secret-pw")) {
                        loggedIn = true;
                        reply(out, "+OK logged in");
                    } else if (line.startsWith("PASS")) {
                        reply(out, "-ERR no");
                        if (closeAfterErr) {
                            break;
                        }
                    } else if (line.equals("STAT") && loggedIn) {
                        reply(out, "+OK 0 0");
                    } else if (line.equals("XCLOSE")) {
                        break;
                    } else if (line.equals("QUIT")) {
                        reply(out, "+OK bye");
                        break;
                    } else {
                        reply(out, "-ERR not now");
                    }
                }
            } catch (Exception ignored) {
                // the client went away, or the test is over
            }
        }
    }

    private static void reply(OutputStream out, String line) throws java.io.IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String describe(ScriptResult r) {
        return r.failure().map(Failure::describe).orElse(r.reason().orElse("")) + " " + r.steps();
    }
}
