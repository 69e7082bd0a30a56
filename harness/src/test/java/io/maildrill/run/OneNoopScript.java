package io.maildrill.run;

import io.maildrill.faults.FakeMailServer;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.script.parse.ScriptParseException;
import io.maildrill.target.Account;

/** A script of one NOOP, run against a fake IMAP server with 2 s waits; the group written after it starts at line 9. */
final class OneNoopScript {

    private OneNoopScript() {
    }

    static ScriptResult run(FakeMailServer server, Account account, String group) throws ScriptParseException {
        return FakeServerScripts.imap(server, account, "imap/t/noop.script", """
                        @title     one NOOP
                        @covers    I01
                        @level     MUST
                        @protocols imap
                        @category  framing

                        session A imap account=1
                        A> NOOP
                        """ + group);
    }
}
