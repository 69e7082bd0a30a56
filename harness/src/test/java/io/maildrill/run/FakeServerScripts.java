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

/** Runs a script text against a {@link FakeMailServer} (as user1 unless an account is given), with 2 s waits. */
final class FakeServerScripts {

    private FakeServerScripts() {
    }

    static ScriptResult imap(FakeMailServer server, String id, String script) throws ScriptParseException {
        return imap(server, new Account("user1", "pw1", true), id, script);
    }

    static ScriptResult imap(FakeMailServer server, Account account, String id, String script) throws ScriptParseException {
        return run(new Target("fake", Optional.of(server.endpoint()), Optional.empty(), Optional.empty(),
                TlsSettings.VERIFY_DEFAULT, List.of(account)), id, script);
    }

    static ScriptResult pop3(FakeMailServer server, String id, String script) throws ScriptParseException {
        return run(new Target("fake", Optional.empty(), Optional.of(server.endpoint()), Optional.empty(),
                TlsSettings.VERIFY_DEFAULT, List.of(new Account("user1", "pw1", true))), id, script);
    }

    private static ScriptResult run(Target target, String id, String script) throws ScriptParseException {
        return new ScriptExecutor(target, new ExecutorOptions(Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .execute(id, ScriptParser.parse(id, script), target.accounts());
    }
}
