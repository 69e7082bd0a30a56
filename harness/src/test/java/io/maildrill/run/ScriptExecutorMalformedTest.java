package io.maildrill.run;

import io.maildrill.faults.FakeMailServer;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.target.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** A server whose answer is not IMAP or not POP3: the step fails quoting the malformed reply. */
class ScriptExecutorMalformedTest {

    @Test
    @Timeout(30)
    void malformedUntaggedResponseFailsTheGroupWithItsDescription() throws Exception {
        ScriptResult r = runAgainst("* 1 FETCH (UID\r\n", """
                A< * 1 EXISTS
                A< OK
                """);
        assertThat(r.outcome()).as(r.reason().orElse("")).isEqualTo(Outcome.FAILED);
        var f = r.failure().orElseThrow();
        assertThat(f.line()).isEqualTo(9);
        assertThat(f.expected()).isEqualTo("* 1 EXISTS");
        assertThat(f.actual()).contains("malformed reply: ").contains("(unclaimed)");
    }

    @Test
    @Timeout(30)
    void anUntaggedResponseOutsideTheGrammarIsBlamedWhereItArrived() throws Exception {
        ScriptResult r = runAgainst("* 1 EXPUNGED\r\n", """
                A< OK
                """);
        assertThat(r.outcome()).as(r.reason().orElse("")).isEqualTo(Outcome.FAILED);
        var f = r.failure().orElseThrow();
        assertThat(f.line()).isEqualTo(9);
        assertThat(f.actual()).contains("* 1 EXPUNGED").contains("not in the IMAP grammar");
    }

    /**
     * POP3's decoder frames a bare-LF reply (it has to, to go on), but the deviation is a finding:
     * before, "+OK 0 0\n" passed a script while the same bare LF over IMAP failed it.
     */
    @Test
    @Timeout(30)
    void aPop3ReplyEndedByABareLfFailsTheStepQuotingIt() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> servePop3(client, "+OK 0 0\n"))) {
            ScriptResult r = FakeServerScripts.pop3(server, "pop3/t/stat.script", """
                            @title     one STAT
                            @covers    P21
                            @level     MUST
                            @protocols pop3
                            @category  framing

                            session A pop3 account=1
                            A> STAT
                            A< +OK 0 0
                            """);
            assertThat(r.outcome()).as(r.reason().orElse("")).isEqualTo(Outcome.FAILED);
            var f = r.failure().orElseThrow();
            assertThat(f.line()).isEqualTo(9);
            assertThat(f.expected()).isEqualTo("every line ending in CRLF (RFC 1939 §3)");
            assertThat(f.actual()).isEqualTo("a line ended by LF alone in the reply: \"+OK 0 0\\n\"");
        }
    }

    @Test
    @Timeout(30)
    void aPop3RawSendWithoutAHandleAwaitsNoReply() throws Exception {
        // An injected line the server rightly ignores (no answer): the next command must get its own
        // reply. Awaiting one for the raw send took STAT's reply for it and left STAT waiting.
        try (FakeMailServer server = FakeMailServer.start(client -> servePop3(client, "+OK 0 0\r\n"))) {
            ScriptResult r = FakeServerScripts.pop3(server, "pop3/t/raw.script", """
                            @title     raw send without a handle
                            @covers    P38
                            @level     MUST
                            @protocols pop3
                            @category  framing

                            session A pop3 account=1
                            A>> "XIGNORED injected\\r\\n"
                            A> STAT
                            A< +OK 0 0
                            """);
            assertThat(r.outcome()).as(r.reason().orElse("") + r.failure()).isEqualTo(Outcome.PASSED);
        }
    }

    /** Answers USER, PASS, QUIT properly and STAT with {@code statReply} as given; ignores XIGNORED lines. */
    private static void servePop3(FakeMailServer.Client client, String statReply) throws IOException {
        client.sendLine("+OK fake ready");
        for (String line; (line = client.readLine()) != null; ) {
            String verb = line.split(" ")[0].toUpperCase();
            if (verb.equals("XIGNORED")) {
                continue; // a line the server reads and never answers
            }
            client.send(verb.equals("STAT") ? statReply : "+OK\r\n");
            if (verb.equals("QUIT")) {
                return;
            }
        }
    }

    /** One NOOP against a fake server that answers it with {@code noopUntagged}; the group starts at line 9. */
    @Test
    @Timeout(30)
    void aTaggedCompletionEndedByABareLfFailsAtOnceNamingIt() throws Exception {
        // Mailutils ends a successful AUTHENTICATE's OK so: the group used to wait out its bound and
        // then say "no tagged response".
        ScriptResult r;
        try (FakeMailServer server = FakeMailServer.start(client -> serve(client, "", "\n"))) {
            r = OneNoopScript.run(server, new Account("user1", "pw1", true), """
                    A< OK
                    """);
        }
        assertThat(r.outcome()).as(r.reason().orElse("")).isEqualTo(Outcome.FAILED);
        assertThat(r.failure().orElseThrow().actual()).containsPattern("the tagged response for A\\d+ is malformed")
                .contains("bare LF").doesNotContain("no tagged response");
    }

    private static ScriptResult runAgainst(String noopUntagged, String group) throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> serve(client, noopUntagged, "\r\n"))) {
            return OneNoopScript.run(server, new Account("user1", "pw1", true), group);
        }
    }

    /**
     * Answers LOGIN, SELECT (empty mailbox), LOGOUT properly and NOOP with the given untagged lines,
     * then its OK ended by {@code noopLineEnd}.
     */
    private static void serve(FakeMailServer.Client client, String noopUntagged, String noopLineEnd) throws IOException {
        client.sendLine("* OK fake ready");
        for (String line; (line = client.readLine()) != null; ) {
            String[] w = line.split(" ");
            String tag = w[0];
            String verb = w.length > 1 ? w[1].toUpperCase() : "";
            client.send(switch (verb) {
                case "SELECT", "EXAMINE" -> "* 0 EXISTS\r\n" + tag + " OK [READ-WRITE] done\r\n";
                case "NOOP" -> noopUntagged + tag + " OK done" + noopLineEnd;
                case "LOGOUT" -> "* BYE bye\r\n" + tag + " OK done\r\n";
                default -> tag + " OK done\r\n";
            });
            if (verb.equals("LOGOUT")) {
                return;
            }
        }
    }
}
