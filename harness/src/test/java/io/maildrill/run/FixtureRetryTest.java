package io.maildrill.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.faults.LiteralPlusDroppingProxy;
import io.maildrill.report.model.Failure;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.script.parse.ScriptParser;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.Target;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that drops the connection when it meets a non-synchronizing literal (as Mailutils and
 * James were seen to mishandle pipelined LITERAL+ APPENDs): the fixture is loaded again one APPEND
 * at a time, and the script runs on. The fault is a proxy in front of the embedded GreenMail.
 */
class FixtureRetryTest {

    private static final String SCRIPT = """
            @title     fixture through a server that cannot take LITERAL+
            @covers    I45
            @level     MUST
            @protocols imap
            @category  framing
            @fixture   messages=3 shapes=plain profile=tiny seed=5

            session A imap account=1
            A> FETCH #3 (UID)
            A< * #3 FETCH (UID #3.uid)
            A< OK
            """;

    @Test
    @Timeout(60)
    void aDroppedPipelinedLoadIsRetriedOneAppendAtATime() throws Exception {
        try (EmbeddedGreenMail server = EmbeddedGreenMail.start(1);
             LiteralPlusDroppingProxy proxy = new LiteralPlusDroppingProxy(server.target())) {
            Target real = server.target();
            Target target = proxy.target();
            ScriptResult r = new ScriptExecutor(target, new ExecutorOptions(Duration.ofSeconds(3), Duration.ofSeconds(3)))
                    .execute("imap/t/retry.script", ScriptParser.parse("retry", SCRIPT), real.accounts());
            assertThat(r.outcome()).as(r.failure().map(Failure::describe).orElse(r.reason().orElse("")))
                    .isEqualTo(Outcome.PASSED);
            assertThat(String.join("\n", r.transcripts().get("setup")))
                    .contains("the pipelined load failed").contains("one APPEND at a time");
        }
    }
}
