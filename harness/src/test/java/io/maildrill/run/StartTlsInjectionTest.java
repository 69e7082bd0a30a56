package io.maildrill.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.faults.FakeMailServer;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Plaintext a server sends after its OK to STARTTLS (response injection, RFC 3501 §6.2.1) is
 * held back from the script session: no group may claim it, and the handshake step fails naming
 * it, before any TLS is attempted.
 */
class StartTlsInjectionTest {

    @Test
    @Timeout(30)
    void plaintextAfterTheStartTlsOkFailsTheHandshakeStepNamingIt() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(StartTlsInjectionTest::serve)) {
            ScriptResult result = FakeServerScripts.imap(server, "imap/t/injection.script", """
                            @title     injected plaintext after STARTTLS
                            @covers    S01
                            @level     MUST
                            @protocols imap
                            @category  security

                            session A imap account=1 login=none
                            A/x1>> "x1 STARTTLS\\r\\n"
                            A/x1< strict
                            A/x1< OK
                            A: handshake
                            """);

            assertThat(result.outcome()).as(result.reason().orElse("")).isEqualTo(Outcome.FAILED);
            var failure = result.failure().orElseThrow();
            assertThat(failure.line()).as("the handshake step, not the strict group before it").isEqualTo(11);
            assertThat(failure.actual()).contains("cleartext after STARTTLS answer: * OK [ALERT] injected plaintext");
        }
    }

    @Test
    @Timeout(30)
    void theStartTlsCommandsOwnCleartextFailureEndsTheSessionUnderHandshakeOrClosed() throws Exception {
        // Cyrus read the injected "x2 NOOP" as the start of a TLS record, gave up, and said so in
        // cleartext for x1: nothing injected ran. An answer to x2 would still fail the step.
        for (String after : List.of("x1 NO Starttls negotiation failed\r\n", "x2 OK NOOP completed\r\n")) {
            try (FakeMailServer server = FakeMailServer.start(client -> serveThen(client, after))) {
                ScriptResult result = FakeServerScripts.imap(server, "imap/t/injection.script", """
                                @title     injection in a separate write
                                @covers    S02
                                @level     robust
                                @protocols imap
                                @category  security

                                session A imap account=1 login=none
                                A/x1>> "x1 STARTTLS\\r\\n"
                                A>> "x2 NOOP\\r\\n"
                                A/x1< OK
                                A: handshake or closed
                                """);
                if (after.startsWith("x1")) {
                    assertThat(result.outcome()).as(result.reason().orElse("") + result.failure()).isEqualTo(Outcome.PASSED);
                } else {
                    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
                    assertThat(result.failure().orElseThrow().actual()).contains("cleartext after STARTTLS answer: x2 OK");
                }
            }
        }
    }

    /** Answers every command OK, and STARTTLS with OK followed at once by {@code afterOk} in plaintext. */
    private static void serveThen(FakeMailServer.Client client, String afterOk) throws IOException {
        client.sendLine("* OK fake ready");
        for (String line; (line = client.readLine()) != null; ) {
            String[] words = line.split(" ");
            String tag = words[0];
            String verb = words.length > 1 ? words[1].toUpperCase() : "";
            if (verb.equals("STARTTLS")) {
                client.send(tag + " OK begin TLS now\r\n" + afterOk);
                client.stayQuiet();
                return;
            }
            client.send(verb.equals("LOGOUT") ? "* BYE bye\r\n" + tag + " OK done\r\n" : tag + " OK done\r\n");
            if (verb.equals("LOGOUT")) {
                return;
            }
        }
    }

    /** Answers every command OK, and STARTTLS with OK followed at once by an untagged response in plaintext. */
    private static void serve(FakeMailServer.Client client) throws IOException {
        serveThen(client, "* OK [ALERT] injected plaintext\r\n");
    }
}
