package io.maildrill.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.net.TlsSettings;
import io.maildrill.script.parse.ScriptParser;
import io.maildrill.target.Account;
import io.maildrill.target.Target;
import io.maildrill.target.TargetUri;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the expectations file grades what a script ended in. */
class SuiteRunnerGradingTest {

    private static final String SCRIPT = """
            @title   STAT answers
            @covers  P21
            @level   MUST
            @protocols pop3
            @category errors

            session A pop3 account=1
            A> STAT
            A< +OK
            """;

    /**
     * A listed deviation is known only when the script got as far as its check. A script that could
     * not even connect has shown nothing about the server, so it must stay an error (exit code 1
     * territory), not be filed under the known deviation.
     */
    @Test
    void aListedScriptThatEndsInAnErrorStaysAnErrorAndNamesTheListing() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Target nothingListening = TargetUri.parse("pop3://127.0.0.1:" + closedPort, TlsSettings.VERIFY_DEFAULT)
                .withAccounts(List.of(new Account("user1", "not-used", true)));
        Expectations listed = Expectations.parse("x.txt", "pop3/stat.script  STAT answers -ERR (P21)\n");
        SuiteRunner runner = new SuiteRunner(nothingListening, ExecutorOptions.defaults(), listed, 1);

        ScriptResult r = runner.run(List.of(new ParsedScript("pop3/stat.script", ScriptParser.parse("pop3/stat.script", SCRIPT))),
                SuiteListener.NONE).get(0);

        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.reason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("cannot connect")
                .contains("listed as a known failure, but the script ended before its check: STAT answers -ERR (P21) (x.txt:1)"));
    }
}
