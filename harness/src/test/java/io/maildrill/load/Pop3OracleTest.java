package io.maildrill.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.corpus.Corpus;
import io.maildrill.corpus.CorpusMessage;
import io.maildrill.corpus.CorpusSpec;
import io.maildrill.pop3.Pop3ResponseDecoder;
import io.maildrill.pop3.Pop3ResponseExpectation;
import io.maildrill.pop3.Pop3Response;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The POP3 oracle's rules over replies made by the real decoder, one rule at a time. */
class Pop3OracleTest {

    private Violations violations;
    private Pop3Maildrop maildrop;
    private long now;

    @BeforeEach
    void fresh() {
        violations = new Violations();
        maildrop = new Pop3Maildrop(false);
        now = 1_000;
    }

    private Pop3Oracle loggedIn(String name) {
        Pop3Oracle oracle = new Pop3Oracle(name, maildrop, violations, Clock.systemUTC());
        oracle.loggedIn(now++);
        return oracle;
    }

    private static Pop3Response reply(String wire, Pop3ResponseExpectation expectation) {
        Queue<Pop3ResponseExpectation> expectations = new ArrayDeque<>();
        expectations.add(expectation);
        EmbeddedChannel channel = new EmbeddedChannel(new Pop3ResponseDecoder(expectations));
        channel.writeInbound(Unpooled.wrappedBuffer(wire.getBytes(StandardCharsets.ISO_8859_1)));
        Pop3Response reply = channel.readInbound();
        channel.finish();
        return reply;
    }

    private static Pop3Response single(String wire) {
        return reply(wire, Pop3ResponseExpectation.SINGLE_LINE);
    }

    private static Pop3Response multi(String wire) {
        return reply(wire, Pop3ResponseExpectation.MULTI_LINE_IF_OK);
    }

    private static String message(String appendId, String body) {
        return (appendId == null ? "" : ImapStepCommands.APPEND_HEADER + ": " + appendId + "\r\n") + "Subject: x\r\n\r\n" + body;
    }

    /** A RETR reply of {@code content} (which ends with CRLF), dot-stuffed as on the wire. */
    private static Pop3Response retr(String content) {
        String stuffed = (content.startsWith(".") ? "." : "") + content.replace("\r\n.", "\r\n..");
        return multi("+OK\r\n" + stuffed + ".\r\n");
    }

    /** The session lists message 1 as unique-id a, marks it and ends without QUIT. */
    private void markAndDrop(Pop3Oracle session) {
        session.onUidl("UIDL", multi("+OK\r\n1 a\r\n.\r\n"));
        session.deleSending(1);
        session.marked(1);
        session.dropped(now++);
    }

    @Test
    void consistentRepliesBreakNoRule() {
        Pop3Oracle oracle = loggedIn("user1/1");
        String first = message("run/a/1", "one\r\n");
        String second = message(null, "two two\r\n");
        oracle.onStat("STAT", single("+OK 2 " + (first.length() + second.length()) + "\r\n"));
        oracle.onList("LIST", multi("+OK\r\n1 " + first.length() + "\r\n2 " + second.length() + "\r\n.\r\n"));
        Map<Integer, String> uids = oracle.onUidl("UIDL", multi("+OK\r\n1 a\r\n2 b\r\n.\r\n"));
        oracle.onRetr("RETR 1", 1, retr(first));
        oracle.onRetr("RETR 2", 2, retr(second));
        oracle.deleSending(1);
        oracle.marked(1);
        oracle.onList("LIST", multi("+OK\r\n2 " + second.length() + "\r\n.\r\n"));
        oracle.onStat("STAT", single("+OK 1 " + second.length() + "\r\n"));

        assertThat(violations.total()).isZero();
        assertThat(uids).containsExactlyInAnyOrderEntriesOf(Map.of(1, "a", 2, "b"));
        assertThat(oracle.appendId(1)).contains("run/a/1");
        assertThat(oracle.appendId(2)).isEmpty();
    }

    @Test
    void statThatDisagreesWithListIsCaught() {
        Pop3Oracle oracle = loggedIn("user1/1");
        oracle.onStat("STAT", single("+OK 2 300\r\n"));
        oracle.onList("LIST", multi("+OK\r\n1 100\r\n2 201\r\n.\r\n"));

        assertThat(violations.count(OracleRule.POP3_STAT_MATCHES_LIST)).isOne();
        Violation v = violations.kept(OracleRule.POP3_STAT_MATCHES_LIST).get(0);
        assertThat(v.session()).isEqualTo("user1/1");
        assertThat(v.command()).isEqualTo("LIST");
        assertThat(v.expected()).contains("STAT 2 300", "301 octets");
    }

    @Test
    void statCountingAMessageListDoesNotHaveIsCaught() {
        Pop3Oracle oracle = loggedIn("user1/1");
        oracle.onList("LIST", multi("+OK\r\n1 100\r\n.\r\n"));
        oracle.onStat("STAT", single("+OK 2 100\r\n"));

        assertThat(violations.count(OracleRule.POP3_STAT_MATCHES_LIST)).isOne();
        assertThat(violations.kept(OracleRule.POP3_STAT_MATCHES_LIST).get(0).expected()).contains("it lists 1");
    }

    @Test
    void mailDeliveredBetweenStatAndListIsNotJudged() {
        // RFC 1939 does not forbid showing it; it takes the next number, so messages 1..count still agree
        Pop3Oracle oracle = loggedIn("user1/1");
        oracle.onStat("STAT", single("+OK 1 100\r\n"));
        oracle.onList("LIST", multi("+OK\r\n1 100\r\n2 250\r\n.\r\n"));

        assertThat(violations.total()).isZero();
    }

    @Test
    void statAndListAfterADeleAreNotCompared() {
        Pop3Oracle oracle = loggedIn("user1/1");
        oracle.onUidl("UIDL", multi("+OK\r\n1 a\r\n2 b\r\n.\r\n"));
        oracle.deleSending(1);
        oracle.marked(1);
        oracle.onStat("STAT", single("+OK 1 100\r\n"));
        oracle.onList("LIST", multi("+OK\r\n2 100\r\n.\r\n"));

        assertThat(violations.total()).isZero();
    }

    @Test
    void aMarkedMessageListedAgainIsCaughtInListAndUidl() {
        Pop3Oracle oracle = loggedIn("user1/1");
        oracle.onUidl("UIDL", multi("+OK\r\n1 a\r\n2 b\r\n.\r\n"));
        oracle.deleSending(2);
        oracle.marked(2);
        oracle.onList("LIST", multi("+OK\r\n1 10\r\n2 20\r\n.\r\n"));
        oracle.onUidl("UIDL", multi("+OK\r\n1 a\r\n2 b\r\n.\r\n"));

        assertThat(violations.count(OracleRule.POP3_DELETED_NOT_LISTED)).isEqualTo(2);
        assertThat(violations.kept(OracleRule.POP3_DELETED_NOT_LISTED)).extracting(Violation::response)
                .containsExactly("2 20", "2 b");
    }

    @Test
    void aRetrLongerThanListSaidIsCaught() {
        Pop3Oracle oracle = loggedIn("user1/1");
        String content = message(null, "body\r\n");
        oracle.onList("LIST", multi("+OK\r\n1 " + (content.length() - 4) + "\r\n.\r\n"));
        oracle.onRetr("RETR 1", 1, retr(content));

        assertThat(violations.count(OracleRule.POP3_SIZE_MATCHES_RETR)).isOne();
        assertThat(violations.kept(OracleRule.POP3_SIZE_MATCHES_RETR).get(0).expected())
                .contains((content.length() - 4) + " content octets");
    }

    @Test
    void aCorpusMessageWithAChangedBodyIsCaught() {
        CorpusMessage corpus = Corpus.of(CorpusSpec.realistic(3, 1)).stream().findFirst().orElseThrow();
        String intact = new String(corpus.bytes(), StandardCharsets.ISO_8859_1);
        String changed = intact.substring(0, intact.length() - 3) + "X\r\n";
        Pop3Oracle oracle = loggedIn("user1/1");
        oracle.onRetr("RETR 1", 1, retr(intact));
        assertThat(violations.total()).isZero();

        oracle.onRetr("RETR 2", 2, retr(changed));
        assertThat(violations.count(OracleRule.POP3_BODY_INTACT)).isOne();
    }

    @Test
    void aMessageAQuitRemovedIsCaughtInALaterSessionOnly() {
        Pop3Oracle first = loggedIn("user1/1");
        Pop3Oracle overlapping = loggedIn("user1/2"); // logged in before the QUIT: it may still see the message
        first.onUidl("UIDL", multi("+OK\r\n1 a\r\n.\r\n"));
        first.onRetr("RETR 1", 1, retr(message("run/a/1", "x\r\n")));
        first.deleSending(1);
        first.marked(1);
        first.quitOk(Map.of(), now++);

        overlapping.onRetr("RETR 1", 1, retr(message("run/a/1", "x\r\n")));
        assertThat(violations.total()).isZero();

        Pop3Oracle later = loggedIn("user1/3");
        later.onUidl("UIDL", multi("+OK\r\n1 a\r\n.\r\n"));
        assertThat(later.listedAfterRemoval("a")).as("worth a RETR: it may be the message, or a reused unique-id").isTrue();
        later.onRetr("RETR 1", 1, retr(message("run/b/7", "a new message under a reused unique-id\r\n")));
        assertThat(violations.total()).as("a reused unique-id is only a SHOULD NOT (RFC 1939 §7)").isZero();
        later.onRetr("RETR 2", 2, retr(message("run/a/1", "x\r\n")));
        assertThat(violations.count(OracleRule.POP3_QUIT_REMOVES_MARKED)).isOne();
        assertThat(violations.kept(OracleRule.POP3_QUIT_REMOVES_MARKED).get(0).response()).contains("run/a/1");
    }

    @Test
    void aQuitRecordsTheAppendIdsOfMessagesRetrievedInEarlierSessions() {
        Pop3Oracle first = loggedIn("user1/1");
        first.onUidl("UIDL", multi("+OK\r\n1 a\r\n.\r\n"));
        first.deleSending(1);
        first.marked(1);
        first.quitOk(Map.of("a", "run/a/1"), now++);

        loggedIn("user1/2").onRetr("RETR 1", 1, retr(message("run/a/1", "x\r\n")));
        assertThat(violations.count(OracleRule.POP3_QUIT_REMOVES_MARKED)).isOne();
    }

    @Test
    void marksOfADroppedSessionMissingFromTheNextSessionAreCaught() {
        Pop3Oracle dropped = loggedIn("user1/1");
        dropped.onUidl("UIDL", multi("+OK\r\n1 a\r\n2 b\r\n.\r\n"));
        dropped.deleSending(1);
        dropped.marked(1);
        dropped.dropped(now++);

        loggedIn("user1/2").onUidl("UIDL", multi("+OK\r\n1 b\r\n.\r\n"));
        assertThat(violations.count(OracleRule.POP3_DROP_REMOVES_NOTHING)).isOne();
        assertThat(violations.kept(OracleRule.POP3_DROP_REMOVES_NOTHING).get(0).expected()).contains("unique-id a");

        loggedIn("user1/3").onUidl("UIDL", multi("+OK\r\n1 b\r\n.\r\n"));
        assertThat(violations.count(OracleRule.POP3_DROP_REMOVES_NOTHING)).as("each mark is judged once").isOne();
    }

    @Test
    void marksOfADroppedSessionListedByTheNextSessionBreakNoRule() {
        Pop3Oracle dropped = loggedIn("user1/1");
        markAndDrop(dropped);

        loggedIn("user1/2").onUidl("UIDL", multi("+OK\r\n1 a\r\n.\r\n"));
        assertThat(violations.total()).isZero();
    }

    @Test
    void aDroppedMarkThatAnotherSessionAlsoDeletedIsNotJudged() {
        Pop3Oracle other = loggedIn("user1/1");
        Pop3Oracle dropped = loggedIn("user1/2");
        other.onUidl("UIDL", multi("+OK\r\n1 a\r\n.\r\n"));
        dropped.onUidl("UIDL", multi("+OK\r\n1 a\r\n.\r\n"));
        other.deleSending(1); // where the server does not lock the maildrop, the other session's QUIT may remove it
        dropped.deleSending(1);
        dropped.marked(1);
        dropped.dropped(now++);

        loggedIn("user1/3").onUidl("UIDL", multi("+OK\r\n.\r\n"));
        assertThat(violations.total()).isZero();
    }

    @Test
    void aSessionThatLoggedInBeforeTheDropDoesNotJudgeIt() {
        Pop3Oracle before = loggedIn("user1/1");
        Pop3Oracle dropped = loggedIn("user1/2");
        markAndDrop(dropped);

        before.onUidl("UIDL", multi("+OK\r\n.\r\n"));
        assertThat(violations.total()).isZero();
        loggedIn("user1/3").onUidl("UIDL", multi("+OK\r\n.\r\n"));
        assertThat(violations.count(OracleRule.POP3_DROP_REMOVES_NOTHING)).as("the next session after it does").isOne();
    }

    @Test
    void noDroppedMarkIsJudgedWhenAnImapPersonaMayExpunge() {
        maildrop = new Pop3Maildrop(true);
        Pop3Oracle dropped = loggedIn("user1/1");
        markAndDrop(dropped);

        loggedIn("user1/2").onUidl("UIDL", multi("+OK\r\n.\r\n"));
        assertThat(violations.total()).isZero();
    }
}
