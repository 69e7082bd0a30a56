package io.maildrill.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.faults.FakeMailServer;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server may refuse a synchronizing literal by ending the session (RFC 3501 §7.1.5: BYE, then
 * close) instead of sending "+": Dovecot does so for "{1048576}". The literal is then not sent and
 * the command's group judges what came, so {@code A< BAD|NO|BYE} accepts it.
 */
class LiteralRefusedByByeTest {

    @Test
    @Timeout(30)
    void byeAndCloseInsteadOfTheContinuationIsJudgedByTheGroup() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(LiteralRefusedByByeTest::serve)) {
            ScriptResult r = FakeServerScripts.imap(server, "imap/t/literal.script", """
                            @title     a literal refused by BYE
                            @covers    I07
                            @level     MUST
                            @protocols imap
                            @category  framing

                            session A imap account=1 select=none
                            A> SEARCH TEXT {"too big for this server"}
                            A< BAD|NO|BYE
                            """);
            assertThat(r.outcome()).as(r.reason().orElse("") + r.failure()).isEqualTo(Outcome.PASSED);
        }
    }

    /** Answers LOGIN and LOGOUT; a command announcing a literal gets BYE and the connection closed. */
    private static void serve(FakeMailServer.Client client) throws IOException {
        client.sendLine("* OK fake ready");
        for (String line; (line = client.readLine()) != null; ) {
            String tag = line.split(" ")[0];
            if (line.endsWith("}")) {
                client.send("* BYE Literal size too large\r\n");
                client.hangUp();
                return;
            }
            client.send(line.toUpperCase().contains(" LOGOUT") ? "* BYE bye\r\n" + tag + " OK done\r\n" : tag + " OK done\r\n");
        }
    }
}
