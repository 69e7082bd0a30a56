package io.maildrill.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.maildrill.net.Endpoint;
import io.maildrill.net.TlsSettings;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.Transcript;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session against a real in-process POP3 server (GreenMail). */
class Pop3SessionTest {

    // GreenMail splits PASS on spaces (RFC 1939 allows them), so the test password has none.
    private static final String PASSWORD = "s3cret-Pa55";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private GreenMail greenMail;
    private GreenMailUser user;
    private Transcript transcript;
    private Pop3Session session;

    @BeforeEach
    void startServer() throws Exception {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3));
        greenMail.start();
        user = greenMail.setUser("alice@localhost", "alice", PASSWORD);
        deliver("First", "Hello\r\n.leading dot\r\n..two dots\r\n.\r\nend\r\n");
        deliver("Second", "Just one line\r\n");
        transcript = new Transcript("pop3-test", new CredentialRedactor());
    }

    @AfterEach
    void stopServer() {
        if (session != null) {
            session.close();
        }
        greenMail.stop();
    }

    private void deliver(String subject, String body) throws Exception {
        MimeMessage message = GreenMailUtil.newMimeMessage("From: bob@localhost\r\nTo: alice@localhost\r\nSubject: "
                + subject + "\r\nMessage-ID: <" + subject + "@localhost>\r\n\r\n" + body);
        user.deliver(message);
    }

    private Endpoint endpoint() {
        return Endpoint.plain("127.0.0.1", greenMail.getPop3().getPort());
    }

    private Pop3Session connect() {
        return Pop3Session.connect(endpoint(), TlsSettings.VERIFY_DEFAULT, transcript, TIMEOUT);
    }

    private Pop3Session loggedIn() {
        session = connect();
        assertThat(session.login("alice", PASSWORD).isOk()).as("login: %s", transcript.render()).isTrue();
        return session;
    }

    /** The octets GreenMail holds for message {@code index}, CRLF line ends. */
    private byte[] stored(int index) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        greenMail.getReceivedMessages()[index].writeTo(out);
        return out.toByteArray();
    }

    @Test
    void greetingIsOk() {
        session = connect();
        assertThat(session.greeting().isOk()).isTrue();
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void loginWithRightPasswordSucceeds() {
        loggedIn();
        assertThat(session.noop().isOk()).isTrue();
    }

    @Test
    void wrongPasswordIsAnErrValueNotAnException() {
        session = connect();
        Pop3Reply reply = session.login("alice", "wrong");
        assertThat(reply).isInstanceOf(Pop3Response.class);
        assertThat(((Pop3Response) reply).isErr()).isTrue();
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void statAndListReportWhatTheServerSaid() {
        loggedIn();
        StatResult stat = Pop3Listings.stat(session.stat());
        List<MessageSize> sizes = Pop3Listings.sizes(session.list());
        assertThat(stat.count()).isEqualTo(2);
        assertThat(sizes).extracting(MessageSize::number).containsExactly(1, 2);
        // GreenMail counts only body octets in STAT/LIST (a known deviation): compare the client's
        // parse with the server's own lines, not with the RFC.
        assertThat(stat.octets()).isEqualTo(sizes.get(0).octets() + sizes.get(1).octets());
        assertThat(Pop3Listings.size(session.list(2))).isEqualTo(sizes.get(1));
        assertThat(((Pop3Response) session.list(3)).isErr()).isTrue();
    }

    @Test
    void retrReturnsTheStoredOctetsUnstuffed() throws Exception {
        loggedIn();
        Pop3Response first = (Pop3Response) session.retr(1);
        assertThat(first.isMultiLine()).isTrue();
        assertThat(new String(first.content(), StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(stored(0), StandardCharsets.ISO_8859_1));
        assertThat(first.contentLines()).contains(".leading dot", "..two dots", ".");
        assertThat(first.rawLength()).isGreaterThan(first.contentLength());
        assertThat(first.deviations()).isEmpty();
        Pop3Response second = (Pop3Response) session.retr(2);
        assertThat(second.content()).isEqualTo(stored(1));
    }

    @Test
    void topReturnsHeadersAndRequestedBodyLines() {
        loggedIn();
        Pop3Response top = (Pop3Response) session.top(1, 1);
        assertThat(top.isOk()).isTrue();
        List<String> lines = top.contentLines();
        assertThat(lines).contains("Subject: First", "Hello");
        assertThat(lines).doesNotContain("end");
    }

    @Test
    void uidlListsOneUidPerMessage() {
        loggedIn();
        List<MessageUid> uids = Pop3Listings.uids(session.uidl());
        assertThat(uids).extracting(MessageUid::number).containsExactly(1, 2);
        assertThat(uids.get(0).uid()).isNotEqualTo(uids.get(1).uid());
        assertThat(Pop3Listings.uid(session.uidl(2))).isEqualTo(uids.get(1));
    }

    // Only what the client reports is asserted here; whether the server keeps the RFC 1939
    // promises (DELE marks, RSET unmarks, a reset connection expunges nothing) is for the suites.
    @Test
    void deleRsetAndQuitRepliesReachTheCaller() {
        loggedIn();
        assertThat(session.dele(1).isOk()).isTrue();
        assertThat(session.rset().isOk()).isTrue();
        assertThat(session.dele(1).isOk()).isTrue();
        assertThat(session.quit().isOk()).isTrue();
        assertThat(session.quitSent()).isTrue();
        session.close();
        assertThat(session.isOpen()).isFalse();

        session = loggedIn();
        assertThat(Pop3Listings.stat(session.stat()).count()).isEqualTo(1);
    }

    @Test
    void abortClosesWithoutQuitAndLaterCommandsFail() {
        loggedIn();
        session.abort();
        assertThat(session.isOpen()).isFalse();
        assertThat(session.quitSent()).isFalse();
        assertThatThrownBy(session::noop).isInstanceOf(io.maildrill.net.ConnectionClosedException.class);
    }

    @Test
    void pipelinedRepliesComeBackInOrder() throws Exception {
        loggedIn();
        List<Pop3Reply> replies = session.pipeline(List.of(Pop3Commands.stat(), Pop3Commands.list(),
                Pop3Commands.retr(2), Pop3Commands.retr(9), Pop3Commands.uidl(), Pop3Commands.noop()));
        assertThat(replies).hasSize(6);
        assertThat(((Pop3Response) replies.get(0)).isMultiLine()).isFalse();
        assertThat(Pop3Listings.sizes(replies.get(1))).hasSize(2);
        assertThat(((Pop3Response) replies.get(2)).content()).isEqualTo(stored(1));
        assertThat(((Pop3Response) replies.get(3)).isErr()).isTrue();
        assertThat(Pop3Listings.uids(replies.get(4))).hasSize(2);
        assertThat(replies.get(5).isOk()).isTrue();
        assertThat(session.unsolicitedReplies()).isEmpty();
    }

    @Test
    void sendAsyncCompletesWithTheReply() throws Exception {
        loggedIn();
        Pop3Reply reply = session.sendAsync(Pop3Commands.stat()).get(5, TimeUnit.SECONDS);
        assertThat(Pop3Listings.stat(reply).count()).isEqualTo(2);
    }

    @Test
    void capaIsAMultiLineReply() {
        session = connect();
        Pop3Response capa = (Pop3Response) session.capa();
        assertThat(capa.isOk()).isTrue();
        assertThat(capa.isMultiLine()).isTrue();
        assertThat(capa.contentLines()).contains("UIDL");
    }

    @Test
    void authPlainWithAndWithoutInitialResponse() {
        session = connect();
        assertThat(session.authPlain("alice", PASSWORD, true).isOk()).isTrue();
        session.close();
        session = connect();
        assertThat(session.authPlain("alice", PASSWORD, false).isOk()).isTrue();
        assertThat(Pop3Listings.stat(session.stat()).count()).isEqualTo(2);
    }

    @Test
    void transcriptNeverContainsThePassword() {
        loggedIn();
        session.close();
        session = connect();
        session.authPlain("alice", PASSWORD, false);
        session.close();
        session = connect();
        session.authPlain("alice", PASSWORD, true);
        session.stat();
        String all = String.join("\n", transcript.render());
        assertThat(all).doesNotContain(PASSWORD);
        String plain = java.util.Base64.getEncoder().encodeToString(("\0alice\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(all).doesNotContain(plain);
        assertThat(all).contains("C: PASS " + CredentialRedactor.MASK, "C: AUTH PLAIN " + CredentialRedactor.MASK,
                "C: " + CredentialRedactor.MASK, "C: STAT");
    }
}
