package io.maildrill.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.report.model.Failure;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.script.parse.ScriptParser;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.Target;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A target without IMAP gets its fixture by emptying the maildrop over POP3 and delivering over SMTP. */
class Pop3OnlyFixtureTest {

    private static final String SCRIPT = """
            @title     fixture without IMAP
            @covers    P21
            @level     MUST
            @protocols pop3
            @category  sizes
            @fixture   messages=3 shapes=plain profile=tiny seed=3
            @destructive

            session A pop3 account=1
            A> STAT
            A< +OK 3 *
            A> QUIT
            A< +OK
            """;

    @Test
    void fixtureIsLoadedTwiceByDeliveryReplacingWhatWasThere() throws Exception {
        try (EmbeddedGreenMail server = EmbeddedGreenMail.start(1)) {
            Target full = server.target();
            Target pop3Only = new Target("pop3-only", Optional.empty(), full.pop3(), full.delivery(), full.tls(),
                    full.accounts());
            ScriptExecutor executor = new ScriptExecutor(pop3Only, new ExecutorOptions(Duration.ofSeconds(5), Duration.ofSeconds(5)));
            for (int run = 1; run <= 2; run++) {
                ScriptResult r = executor.execute("pop3/t/fixture.script", ScriptParser.parse("fixture", SCRIPT), full.accounts());
                assertThat(r.outcome()).as("run %d: %s", run, r.failure().map(Failure::describe).orElse(r.reason().orElse("")))
                        .isEqualTo(Outcome.PASSED);
            }
        }
    }
}
