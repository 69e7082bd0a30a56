package io.maildrill.run;

import io.maildrill.faults.FakeMailServer;
import io.maildrill.net.Endpoint;
import io.maildrill.net.TlsSettings;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.script.parse.ScriptParser;
import io.maildrill.target.Account;
import io.maildrill.target.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Servers that do not behave: the runner reports, within its bounds, and never hangs or throws. */
class ScriptExecutorFaultTest {

    private static final String SCRIPT = """
            @title     anything
            @covers    P21
            @level     MUST
            @protocols %s
            @category  deletion

            session A %s account=1
            A> NOOP
            A< %s
            """;

    @Test
    @Timeout(30)
    void hungImapServerIsAnErrorWithinTheTimeout() throws Exception {
        try (FakeMailServer silent = FakeMailServer.silent()) {
            Target target = new Target("silent", Optional.of(silent.endpoint()),
                    Optional.empty(), Optional.empty(), TlsSettings.VERIFY_DEFAULT,
                    List.of(new Account("user1", "secret-pw", true)));
            ScriptExecutor executor = new ScriptExecutor(target, new ExecutorOptions(Duration.ofSeconds(1), Duration.ofSeconds(1)));
            long t0 = System.nanoTime();
            ScriptResult r = executor.execute("imap/t/hung.script",
                    ScriptParser.parse("hung", SCRIPT.formatted("imap", "imap", "OK")), target.accounts());
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            // no greeting: the script never reached its check, so the server is not judged
            assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(r.reason().orElse("")).contains("the fixture").contains("1000 ms");
            assertThat(took).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    @Timeout(30)
    void refusedConnectionIsAnError() throws Exception {
        int port;
        try (FakeMailServer closedSoon = FakeMailServer.silent()) {
            port = closedSoon.port(); // free now, and nothing listens there once it is closed
        }
        Target target = new Target("gone", Optional.empty(), Optional.of(Endpoint.plain("127.0.0.1", port)),
                Optional.empty(), TlsSettings.VERIFY_DEFAULT, List.of(new Account("user1", "secret-pw", true)));
        ScriptResult r = new ScriptExecutor(target, ExecutorOptions.defaults()).execute("pop3/t/gone.script",
                ScriptParser.parse("gone", SCRIPT.formatted("pop3", "pop3", "+OK")), target.accounts());
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.reason()).isPresent();
        assertThat(r.reason().get()).doesNotContain("secret-pw");
    }
}
