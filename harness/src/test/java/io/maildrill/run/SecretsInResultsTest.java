package io.maildrill.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.report.model.ScriptResult;
import io.maildrill.script.parse.ScriptParser;
import io.maildrill.target.Account;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.transcript.SecretMask;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A password a script author wrote into raw sends, a SASL response sent raw, and a server that
 * echoes what it was sent: none of it reaches a result (steps, failure, transcripts), in any of
 * the forms the secret takes on the wire.
 */
class SecretsInResultsTest {

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

    private static ScriptResult run(String text) throws Exception {
        return executor.execute("imap/t/secrets.script", ScriptParser.parse("imap/t/secrets.script", text),
                greenMail.target().accounts());
    }

    private static String plain(Account a) {
        return Base64.getEncoder().encodeToString(("\0" + a.user() + "\0" + a.password()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rawSendsAndServerEchoesAreMaskedInEveryPartOfTheResult() throws Exception {
        Account a = greenMail.target().account(1);
        ScriptResult r = run("""
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
}
