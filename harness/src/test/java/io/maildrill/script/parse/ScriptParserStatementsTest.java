package io.maildrill.script.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.maildrill.script.ast.ByteString;
import io.maildrill.script.ast.CommandPart;
import io.maildrill.script.ast.Comparison;
import io.maildrill.script.ast.ExpectTarget;
import io.maildrill.script.ast.Expectation;
import io.maildrill.script.ast.Level;
import io.maildrill.script.ast.Operand;
import io.maildrill.script.ast.Pattern;
import io.maildrill.script.ast.Presence;
import io.maildrill.script.ast.Protocol;
import io.maildrill.script.ast.Script;
import io.maildrill.script.ast.Selection;
import io.maildrill.script.ast.Statement;
import io.maildrill.script.ast.StatusWord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScriptParserStatementsTest {
    private static final int H = ScriptText.HEADER_LINES;

    @Test
    void headerBecomesMetadata() throws Exception {
        Script script = ScriptParser.parse("m.script", """
                # a comment before the header
                @title     DELE only marks
                @covers    P25 P26
                @level     robust
                @protocols pop3 imap
                @category  deletion cross-protocol
                @requires  pop3 UIDL TOP
                @requires  imap IDLE
                @fixture   messages=20 shapes=plain,dot-lines profile=tiny seed=7
                @destructive
                @timeout   10s
                session A pop3 account=1
                session B imap account=2
                """);
        var m = script.metadata();
        assertThat(m.line()).isEqualTo(2);
        assertThat(m.title()).isEqualTo("DELE only marks");
        assertThat(m.covers()).containsExactly("P25", "P26");
        assertThat(m.level()).isEqualTo(Level.ROBUST);
        assertThat(m.protocols()).containsExactlyInAnyOrder(Protocol.POP3, Protocol.IMAP);
        assertThat(m.categories()).containsExactly("deletion", "cross-protocol");
        assertThat(m.requiredCapabilities(Protocol.POP3)).containsExactly("UIDL", "TOP");
        assertThat(m.requiredCapabilities(Protocol.IMAP)).containsExactly("IDLE");
        assertThat(m.requires().get(1).line()).isEqualTo(8);
        var fixture = m.fixture().orElseThrow();
        assertThat(fixture.text()).isEqualTo("messages=20 shapes=plain,dot-lines profile=tiny seed=7");
        assertThat(fixture.parameters()).containsExactly(
                java.util.Map.entry("messages", "20"), java.util.Map.entry("shapes", "plain,dot-lines"),
                java.util.Map.entry("profile", "tiny"), java.util.Map.entry("seed", "7"));
        assertThat(fixture.messageCount()).isEqualTo(20);
        assertThat(fixture.mailbox()).isEqualTo("INBOX");
        assertThat(fixture.line()).isEqualTo(9);
        assertThat(m.destructive()).isTrue();
        assertThat(m.timeout()).contains(Duration.ofSeconds(10));
    }

    @Test
    void sessionDeclarationsCarryDefaultsAndOptions() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1",
                "session B imap account=2 login=none select=none",
                "session C imap account=1 select=\"Sent Items\"",
                "session D imap account=1 examine=auto"));
        var sessions = script.sessions();
        assertThat(sessions.get(0)).isEqualTo(new io.maildrill.script.ast.SessionDecl(H + 1, "A", Protocol.IMAP, 1, true, new Selection.FixtureMailbox()));
        assertThat(sessions.get(1).autoLogin()).isFalse();
        assertThat(sessions.get(1).selection()).isEqualTo(new Selection.NoSelection());
        assertThat(sessions.get(2).selection()).isEqualTo(new Selection.NamedMailbox("Sent Items"));
        assertThat(sessions.get(3).selection()).isEqualTo(new Selection.Examine(""));
        assertThat(script.session("B")).map(s -> s.line()).contains(H + 2);
    }

    @Test
    void commandWithAutomaticTagAndItsGroup() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1",
                "A> FETCH #2 (FLAGS)",
                "A< * #2 FETCH (FLAGS (\\Seen))",
                "A< OK"));
        var send = (Statement.Send) script.statements().get(0);
        assertThat(send.line()).isEqualTo(H + 2);
        assertThat(send.tag()).isEmpty();
        assertThat(send.parts()).containsExactly(new CommandPart.Text("FETCH "),
                new CommandPart.MessageRef(2, Pattern.RefKind.SEQUENCE), new CommandPart.Text(" (FLAGS)"));
        var expect = (Statement.Expect) script.statements().get(1);
        assertThat(expect.line()).isEqualTo(H + 3);
        assertThat(expect.target()).isEqualTo(new ExpectTarget.Command(H + 2));
        assertThat(expect.expectations()).hasSize(2);
        assertThat(expect.status()).map(Expectation.Status::accepted).contains(Set.of(StatusWord.OK));
        assertThat(expect.status().orElseThrow().line()).isEqualTo(H + 4);
        assertThat(expect.status().orElseThrow().text()).isEmpty();
    }

    @Test
    void byeIsAnImapStatusAlternativeAndHandshakeMayAcceptAClose() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1 login=none",
                "A/x1>> \"x1 LOGIN {4000000000}\\r\\n\"",
                "A/x1< not + ...",
                "A/x1< BAD|NO|BYE ...",
                "A: handshake or closed",
                "A: handshake"));
        var group = (Statement.Expect) script.statements().get(1);
        var status = group.status().orElseThrow();
        assertThat(status.accepted()).containsExactlyInAnyOrder(StatusWord.BAD, StatusWord.NO, StatusWord.BYE);
        assertThat(status.acceptsBye()).isTrue();
        assertThat(script.statements().subList(2, 4)).containsExactly(
                new Statement.TlsHandshake(H + 5, "A", true), new Statement.TlsHandshake(H + 6, "A", false));

        ScriptParseException bad = catchThrowableOfType(() -> ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1",
                "A: handshake or open")), ScriptParseException.class);
        assertThat(bad.problems().get(0).message()).contains("'or closed'").contains("or open");
        ScriptParseException pop3 = catchThrowableOfType(() -> ScriptParser.parse("s", ScriptText.pop3(
                "session A pop3 account=1",
                "A> QUIT",
                "A< BYE")), ScriptParseException.class);
        assertThat(pop3.problems().get(0).message()).contains("BYE is a IMAP status");
    }

    @Test
    void pipelinedTaggedCommandsAreExpectedInAnyOrder() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1",
                "A/p1> FETCH 1 BODY[]",
                "A/p2> NOOP",
                "A/p2< OK",
                "A/p1< * 1 FETCH (BODY[] $b)",
                "A/p1< OK|NO [EXPUNGEISSUED] ..."));
        var groups = script.statements().stream().filter(Statement.Expect.class::isInstance).map(Statement.Expect.class::cast).toList();
        assertThat(groups).extracting(Statement.Expect::target)
                .containsExactly(new ExpectTarget.Command(H + 3), new ExpectTarget.Command(H + 2));
        var status = groups.get(1).status().orElseThrow();
        assertThat(status.accepted()).containsExactlyInAnyOrder(StatusWord.OK, StatusWord.NO);
        assertThat(status.text()).contains(List.of(
                new Pattern.Code(H + 6, List.of(new Pattern.Atom(H + 6, "EXPUNGEISSUED"))), new Pattern.Rest(H + 6)));
        assertThat(((Statement.Send) script.statements().get(0)).tag()).contains("p1");
    }

    @Test
    void presenceModifiersAndGroupOptions() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1",
                "A> EXPUNGE",
                "A< ordered",
                "A< strict",
                "A< within 3s",
                "A< * #2 EXPUNGE",
                "A< may * * EXISTS",
                "A< not * #1 EXPUNGE",
                "A< OK"));
        var group = (Statement.Expect) script.statements().get(1);
        assertThat(group.ordered()).isTrue();
        assertThat(group.strict()).isTrue();
        assertThat(group.within()).contains(Duration.ofSeconds(3));
        assertThat(group.line()).isEqualTo(H + 3);
        assertThat(group.expectations()).first().isEqualTo(new Expectation.Untagged(H + 6, Presence.MUST,
                List.of(new Pattern.MessageRef(H + 6, 2, Pattern.RefKind.SEQUENCE), new Pattern.Atom(H + 6, "EXPUNGE"))));
        assertThat(group.expectations()).extracting(e -> e instanceof Expectation.Untagged u ? u.presence() : null)
                .containsExactly(Presence.MUST, Presence.MAY, Presence.MUST_NOT, null);
    }

    @Test
    void pop3StatusFirstThenContentLines() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.pop3(
                "session A pop3 account=1",
                "A> LIST",
                "A< +OK",
                "A< lines 4",
                "A< line 1 $size1",
                "A< not line 2 *",
                "A> RETR 1",
                "A< +OK ...",
                "A< content $m",
                "A> DELE 9",
                "A< -ERR"));
        var groups = script.statements().stream().filter(Statement.Expect.class::isInstance).map(Statement.Expect.class::cast).toList();
        assertThat(groups).hasSize(3);
        assertThat(groups.get(0).expectations()).containsExactly(
                new Expectation.Status(H + 3, Set.of(StatusWord.PLUS_OK), Optional.empty()),
                new Expectation.LineCount(H + 4, 4),
                new Expectation.ContentLine(H + 5, Presence.MUST, List.of(new Pattern.Number(H + 5, 1), new Pattern.Capture(H + 5, "size1"))),
                new Expectation.ContentLine(H + 6, Presence.MUST_NOT, List.of(new Pattern.Number(H + 6, 2), new Pattern.AnyValue(H + 6))));
        assertThat(groups.get(1).expectations()).contains(new Expectation.Content(H + 9, "m"));
    }

    @Test
    void sessionActions() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1 login=none",
                "A: connect",
                "A< greeting OK ...",
                "A: starttls",
                "A: login",
                "A: select",
                "A: idle",
                "A< * 6 EXISTS",
                "A: done",
                "A< OK",
                "A: disconnect",
                "A: reconnect",
                "A: abort",
                "A: handshake"));
        var s = script.statements();
        assertThat(s).extracting(st -> st.getClass().getSimpleName()).containsExactly(
                "Connect", "Expect", "StartTls", "Login", "Select", "IdleStart", "Expect", "IdleDone", "Expect",
                "Disconnect", "Reconnect", "Disconnect", "TlsHandshake");
        assertThat(((Statement.Expect) s.get(1)).target()).isEqualTo(new ExpectTarget.Connection());
        assertThat(((Statement.Expect) s.get(6)).target()).isEqualTo(new ExpectTarget.Idle(H + 7));
        assertThat(((Statement.Expect) s.get(8)).target()).isEqualTo(new ExpectTarget.Command(H + 7));
        assertThat(((Statement.Disconnect) s.get(9)).reset()).isFalse();
        assertThat(((Statement.Disconnect) s.get(11)).reset()).isTrue();
        assertThat(s).extracting(Statement::line).containsExactly(
                H + 2, H + 3, H + 4, H + 5, H + 6, H + 7, H + 8, H + 9, H + 10, H + 11, H + 12, H + 13, H + 14);
    }

    @Test
    void rawBytesDecodeEscapes() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1 login=none",
                "A>> \"a STARTTLS\\r\\nb NOOP\\r\\n\\x00\\xff\\\\\\\"\""));
        var raw = (Statement.SendRaw) script.statements().get(0);
        assertThat(raw.handle()).isEmpty();
        assertThat(raw.bytes()).isEqualTo(ByteString.of(new byte[] {
                'a', ' ', 'S', 'T', 'A', 'R', 'T', 'T', 'L', 'S', '\r', '\n', 'b', ' ', 'N', 'O', 'O', 'P', '\r', '\n', 0, (byte) 0xff, '\\', '"'}));
    }

    @Test
    void rawSendsWithAHandleAwaitTheirOwnGroup() throws Exception {
        Script imap = ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1 login=none",
                "A/x1>> \"x1 LOGIN {4000000000}\\r\\n\"",
                "A/x1< not + ...",
                "A/x1< BAD|NO ...",
                "A>> \"no response awaited\\r\\n\""));
        var raw = (Statement.SendRaw) imap.statements().get(0);
        assertThat(raw.handle()).contains("x1");
        var group = (Statement.Expect) imap.statements().get(1);
        assertThat(group.target()).isEqualTo(new ExpectTarget.Command(H + 2));
        assertThat(group.expectations().get(0)).isEqualTo(new Expectation.Continuation(H + 3, Presence.MUST_NOT,
                Optional.of(List.of(new Pattern.Rest(H + 3)))));
        assertThat(((Statement.SendRaw) imap.statements().get(2)).handle()).isEmpty();

        Script pop3 = ScriptParser.parse("s", ScriptText.pop3(
                "session A pop3 account=1 login=none",
                "A/r1>> \"USER \\x00\\r\\n\"",
                "A/r1< -ERR"));
        assertThat(((Statement.Expect) pop3.statements().get(1)).target()).isEqualTo(new ExpectTarget.Command(H + 2));
    }

    @Test
    void commandLinesKeepBackslashesAndSubstituteRefsVariablesAndLiterals() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1",
                "A> UID STORE #3.uid +FLAGS (\\Seen) $$x ##y",
                "A< * #3 FETCH (UID $uid FLAGS (\\Seen ...))",
                "A< OK",
                "A> UID FETCH $uid (FLAGS)",
                "A< OK",
                "A> APPEND INBOX {\"Subject: x\\r\\n\\r\\nhi\\r\\n\"} {fixture.message(2)+}",
                "A< OK"));
        var store = (Statement.Send) script.statements().get(0);
        assertThat(store.parts()).containsExactly(new CommandPart.Text("UID STORE "),
                new CommandPart.MessageRef(3, Pattern.RefKind.UID), new CommandPart.Text(" +FLAGS (\\Seen) $x #y"));
        var fetch = (Statement.Send) script.statements().get(2);
        assertThat(fetch.parts()).containsExactly(new CommandPart.Text("UID FETCH "), new CommandPart.Variable("uid"), new CommandPart.Text(" (FLAGS)"));
        var append = (Statement.Send) script.statements().get(4);
        assertThat(append.parts()).containsExactly(new CommandPart.Text("APPEND INBOX "),
                new CommandPart.Literal(ByteString.ascii("Subject: x\r\n\r\nhi\r\n"), false),
                new CommandPart.Text(" "), new CommandPart.FixtureLiteral(2, true));
    }

    @Test
    void globalStatements() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1",
                "session B imap account=1",
                "sleep 250ms",
                "set $n = 42",
                "set $t = \"a\\tb\"",
                "check $n == 42",
                "check sha256($t) != fixture.sha256(1)",
                "check size($t) <= fixture.size(5)",
                "check A.count >= fixture.count",
                "check $t == fixture.top(2, 3)",
                "converge A B",
                "check $n != 42 or  $t == \"x\" or A.count > 1"));
        var s = script.statements();
        assertThat(s.get(0)).isEqualTo(new Statement.Sleep(H + 3, Duration.ofMillis(250)));
        assertThat(s.get(1)).isEqualTo(new Statement.SetVariable(H + 4, "n", new Operand.NumberValue(42)));
        assertThat(s.get(2)).isEqualTo(new Statement.SetVariable(H + 5, "t", new Operand.TextValue(ByteString.ascii("a\tb"))));
        assertThat(s.get(3)).isEqualTo(new Statement.Check(H + 6, new Operand.Variable("n"), Comparison.EQ, new Operand.NumberValue(42)));
        assertThat(s.get(4)).isEqualTo(new Statement.Check(H + 7, new Operand.Sha256Of("t"), Comparison.NE,
                new Operand.FixtureValue(Operand.FixtureProperty.SHA256, 1, 0)));
        assertThat(s.get(5)).isEqualTo(new Statement.Check(H + 8, new Operand.SizeOf("t"), Comparison.LE,
                new Operand.FixtureValue(Operand.FixtureProperty.SIZE, 5, 0)));
        assertThat(s.get(6)).isEqualTo(new Statement.Check(H + 9, new Operand.SessionCount("A"), Comparison.GE, new Operand.FixtureCount()));
        assertThat(s.get(7)).isEqualTo(new Statement.Check(H + 10, new Operand.Variable("t"), Comparison.EQ,
                new Operand.FixtureValue(Operand.FixtureProperty.TOP, 2, 3)));
        assertThat(s.get(8)).isEqualTo(new Statement.Converge(H + 11, List.of("A", "B")));
        assertThat(s.get(9)).isEqualTo(new Statement.Check(H + 12, List.of(
                new Comparison.Of(new Operand.Variable("n"), Comparison.NE, new Operand.NumberValue(42)),
                new Comparison.Of(new Operand.Variable("t"), Comparison.EQ, new Operand.TextValue(ByteString.ascii("x"))),
                new Comparison.Of(new Operand.SessionCount("A"), Comparison.GT, new Operand.NumberValue(1)))));
    }

    @Test
    void crlfLineEndsAndIndentationKeepLineNumbersRight() throws Exception {
        String text = ScriptText.imap("", "session A imap account=1", "", "   # indented comment", "  A> NOOP", "  A< OK").replace("\n", "\r\n");
        Script script = ScriptParser.parse("s", text);
        assertThat(script.statements()).extracting(Statement::line).containsExactly(H + 5, H + 6);
    }

    @Test
    void closedCanEndACommandGroupInsteadOfAStatus() throws Exception {
        Script script = ScriptParser.parse("s", ScriptText.imap(
                "session A imap account=1",
                "A> LOGOUT",
                "A< * BYE ...",
                "A< closed"));
        var group = (Statement.Expect) script.statements().get(1);
        assertThat(group.target()).isEqualTo(new ExpectTarget.Command(H + 2));
        assertThat(group.expectations()).last().isEqualTo(new Expectation.Closed(H + 4));
    }
}
