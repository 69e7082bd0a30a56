package io.maildrill.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.faults.FakeMailServer;
import io.maildrill.faults.ServerFault;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import java.io.IOException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The script runner against each {@link ServerFault}, striking in answer to the script's command:
 * every one is a failure of that step (never a pass, never a harness error), within the script's
 * own bound, saying what the server did.
 */
class ScriptRunnerFaultTest {

    private static final String SCRIPT = """
            @title     one NOOP
            @covers    I01
            @level     MUST
            @protocols imap
            @category  framing

            session A imap account=1 select=none
            A> NOOP
            A< OK
            """;

    @ParameterizedTest
    @EnumSource(ServerFault.class)
    @Timeout(30)
    void aFaultInAnswerToACommandFailsThatStepAndSaysWhatCame(ServerFault fault) throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> serve(client, fault))) {
            ScriptResult r = FakeServerScripts.imap(server, "imap/t/fault.script", SCRIPT);
            String failure = r.failure().map(Object::toString).orElse("");
            assertThat(r.outcome()).as(r.reason().orElse("") + failure).isEqualTo(Outcome.FAILED);
            assertThat(r.reason().orElse("") + failure).as(fault.name()).contains(evidence(fault));
            assertThat(r.reason().orElse("") + failure).doesNotContain("harness error").doesNotContain("Exception")
                    .as("a failure quotes a few lines, not megabytes").hasSizeLessThan(20_000);
        }
    }

    /** What the failure must name: the fault's bytes where they arrived, else how the wait ended. */
    private static String evidence(ServerFault fault) {
        return switch (fault) {
            case STALL, DRIP, STALL_MID_RESPONSE, LONG_LINE, HUGE_LITERAL -> "no tagged response for A2 within 2s";
            case CLOSE_MID_LITERAL -> "closed";
            case GARBAGE -> "garbage";
            case WRONG_TAG -> "ZZ999";
            case BARE_LF -> "bare line feed";
            case BYE -> "shutting down for maintenance";
        };
    }

    /** Greets and says OK to the runner's setup (login, fixture); the script's NOOP gets the fault. */
    private static void serve(FakeMailServer.Client client, ServerFault fault) throws IOException, InterruptedException {
        client.sendLine("* OK fake ready");
        for (String line; (line = client.readLine()) != null; ) {
            String tag = line.split(" ")[0];
            if (line.toUpperCase().endsWith(" NOOP")) {
                client.strike(fault);
                return;
            }
            client.send(tag + " OK done\r\n");
        }
    }
}
