package io.maildrill.run;

import io.maildrill.faults.FakeMailServer;
import io.maildrill.net.TlsSettings;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.script.parse.ScriptParseException;
import io.maildrill.script.parse.ScriptParser;
import io.maildrill.target.Account;
import io.maildrill.target.Target;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A script of one NOOP, run against a fake IMAP server with 2 s waits; the group written after it starts at line 9. */
final class OneNoopScript {

    private OneNoopScript() {
    }

    static ScriptResult run(FakeMailServer server, Account account, String group) throws ScriptParseException {
        Target target = new Target("fake", Optional.of(server.endpoint()), Optional.empty(), Optional.empty(),
                TlsSettings.VERIFY_DEFAULT, List.of(account));
        return new ScriptExecutor(target, new ExecutorOptions(Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .execute("imap/t/noop.script", ScriptParser.parse("noop", """
                        @title     one NOOP
                        @covers    I01
                        @level     MUST
                        @protocols imap
                        @category  framing

                        session A imap account=1
                        A> NOOP
                        """ + group), target.accounts());
    }
}
