package io.maildrill.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.maildrill.faults.FakeMailServer;
import io.maildrill.net.ConnectionClosedException;
import io.maildrill.net.Endpoint;
import io.maildrill.net.ResponseTimeoutException;
import io.maildrill.net.TlsSettings;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.Transcript;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session against GreenMail running in-process on a free loopback port. */
class ImapSessionTest {

    private static final String USER = "alice";
    private static final String PASSWORD = "s3cret-Pw!";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private GreenMail greenMail;
    private Endpoint endpoint;
    private final List<ImapSession> sessions = new ArrayList<>();

    @BeforeEach
    void startServer() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        greenMail.start();
        greenMail.setUser("alice@localhost", USER, PASSWORD);
        endpoint = Endpoint.plain("127.0.0.1", greenMail.getImap().getPort());
    }

    @AfterEach
    void stopServer() {
        sessions.forEach(ImapSession::close);
        greenMail.stop();
    }

    private ImapSession open(String name) {
        ImapSession session = ImapSession.connect(endpoint, TlsSettings.VERIFY_DEFAULT,
                new Transcript(name, new CredentialRedactor()), TIMEOUT);
        sessions.add(session);
        return session;
    }

    private ImapSession loggedIn(String name) {
        ImapSession session = open(name);
        assertThat(session.login(USER, PASSWORD).ok()).isTrue();
        return session;
    }

    private static byte[] message(String subject, String body) {
        return ("From: Bob <bob@example.org>\r\nTo: alice@localhost\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + subject.hashCode() + "@example.org>\r\n\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void greetingLoginSelectAppendAndFetchRoundTripTheExactBytes() {
        ImapSession session = open("A");
        assertThat(session.greeting()).isInstanceOfSatisfying(ImapResponse.Condition.class,
                g -> assertThat(g.status()).isEqualTo(Status.OK));
        assertThat(session.capability()).contains("IMAP4rev1", "IDLE");
        assertThat(session.login(USER, PASSWORD).ok()).isTrue();

        byte[] message = message("caf\u00e9 round trip", "line one\r\n\u00fcml\u00e4ut body");
        Optional<AppendUid> uid = session.append("INBOX", List.of("\\Flagged"), message);
        assertThat(uid).isPresent();

        SelectResult selected = session.select("INBOX");
        assertThat(selected.ok()).isTrue();
        assertThat(selected.exists()).hasValue(1);
        assertThat(selected.uidValidity()).isPresent();
        assertThat(selected.readOnly()).isFalse();

        ImapCompletion fetch = session.execute("FETCH 1 (UID FLAGS RFC822.SIZE ENVELOPE BODY.PEEK[])");
        assertThat(fetch.ok()).isTrue();
        ImapResponse.Fetch data = fetch.untagged(ImapResponse.Fetch.class).get(0);
        assertThat(data.body("").orElseThrow().bytes()).isEqualTo(message);
        assertThat(data.rfc822Size()).hasValue(message.length);
        assertThat(data.uid()).hasValue(uid.get().singleUid().orElseThrow());
        assertThat(data.flags().orElseThrow()).contains("\\Flagged");
        Envelope envelope = data.envelope().orElseThrow();
        assertThat(envelope.from()).singleElement().satisfies(a -> assertThat(a.email()).isEqualTo("bob@example.org"));
        assertThat(envelope.messageId()).isPresent();
    }

    @Test
    void pipelinedAppendsAllArriveAndAreStreamedBackOneByOne() {
        ImapSession session = loggedIn("A");
        assertThat(session.capability()).contains("LITERAL+");
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            messages.add(message("pipelined " + i, "body " + i));
        }
        List<ImapCompletion> completions = session.appendPipelined("INBOX", messages);
        assertThat(completions).hasSize(300).allMatch(ImapCompletion::ok);
        assertThat(session.transcript().render()).anyMatch(l -> l.contains("APPEND INBOX {") && l.contains("+}"));

        assertThat(session.select("INBOX").exists()).hasValue(300);
        List<String> subjects = new ArrayList<>();
        ImapCompletion done = session.fetchStream("FETCH 1:* (ENVELOPE)",
                f -> subjects.add(f.envelope().orElseThrow().subject().orElseThrow()));
        assertThat(done.ok()).isTrue();
        assertThat(done.untagged(ImapResponse.Fetch.class)).isEmpty();
        assertThat(subjects).hasSize(300).startsWith("pipelined 0").endsWith("pipelined 299");
    }

    @Test
    void pipelineMatchesResponsesByTag() {
        ImapSession session = loggedIn("A");
        List<CompletableFuture<ImapCompletion>> futures = session.pipeline(List.of(
                ImapCommand.of("NOOP"), ImapCommand.of("SELECT INBOX"), ImapCommand.of("BOGUS").withTag("X1")));
        List<ImapCompletion> done = futures.stream().map(f -> f.orTimeout(10, TimeUnit.SECONDS).join()).toList();
        assertThat(done.get(0).ok()).isTrue();
        assertThat(done.get(1).ok()).isTrue();
        assertThat(done.get(2).tag()).isEqualTo("X1");
        assertThat(done.get(2).status()).isEqualTo(Status.BAD);
    }

    @Test
    void idleReceivesTheExistsCausedByAnotherSessionsAppend() {
        ImapSession watcher = loggedIn("A");
        assertThat(watcher.select("INBOX").exists()).hasValue(0);
        watcher.idleStart();

        ImapSession writer = loggedIn("B");
        // GreenMail sends IDLE's "+" before it registers its folder listener, so an APPEND that lands in
        // between is only reported after DONE. A second APPEND, once the first went unreported, is pushed.
        List<ImapResponse> pushed = List.of();
        int appended = 0;
        while (pushed.isEmpty() && appended < 3) {
            writer.append("INBOX", List.of(), message("pushed " + appended, "hello"));
            appended++;
            try {
                pushed = watcher.idleAwait(r -> r instanceof ImapResponse.Exists, Duration.ofSeconds(3));
            } catch (ResponseTimeoutException notPushedYet) {
                // the race above: append again
            }
        }
        int expected = appended;
        assertThat(pushed).last().isInstanceOfSatisfying(ImapResponse.Exists.class,
                e -> assertThat(e.count()).isEqualTo(expected));
        ImapCompletion idle = watcher.idleDone();
        assertThat(idle.ok()).isTrue();
        assertThat(idle.untagged(ImapResponse.Exists.class)).isNotEmpty();
    }

    @Test
    void wrongPasswordIsANoValueAndNoPasswordReachesTheTranscript() {
        ImapSession session = open("A");
        ImapCompletion refused = session.login(USER, "wrong-" + PASSWORD);
        assertThat(refused.status()).isEqualTo(Status.NO);
        assertThat(session.login(USER, PASSWORD).ok()).isTrue();

        ImapSession other = open("B");
        // GreenMail 2.1 advertises only AUTH=XOAUTH2: the refusal is a value, the initial response still masked
        ImapCompletion plainRefused = other.authenticatePlain(USER, PASSWORD, true);
        assertThat(plainRefused.ok()).isFalse();
        assertThat(plainRefused.status()).isIn(Status.NO, Status.BAD);
        for (ImapSession s : List.of(session, other)) {
            String transcript = String.join("\n", s.transcript().render());
            assertThat(transcript).containsAnyOf("LOGIN alice", "AUTHENTICATE PLAIN").contains(CredentialRedactor.MASK)
                    .doesNotContain(PASSWORD)
                    .doesNotContain(java.util.Base64.getEncoder().encodeToString(
                            ("\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void newMailIsReportedToTheNextCommandNotKeptAside() {
        ImapSession session = loggedIn("A");
        session.select("INBOX");
        ImapSession writer = loggedIn("B");
        writer.append("INBOX", List.of(), message("later", "x"));
        // GreenMail reports the new message on the next command; NOOP collects it
        ImapCompletion noop = session.execute("NOOP");
        assertThat(noop.untagged(ImapResponse.Exists.class)).isNotEmpty();
        assertThat(session.drainUnsolicited()).isEmpty();
    }

    @Test
    void unsolicitedResponsesAreKeptBetweenCommands() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> {
            client.sendLine("* OK fake");
            client.expectLine();
            // the answer to NOOP, then, with no command in flight, two unsolicited responses
            client.send("A0001 OK done\r\n* 4 EXISTS\r\n* 2 EXPUNGE\r\n");
            client.expectLine();
            client.sendLine("A0002 OK done");
            client.readLine();
        })) {
            try (ImapSession session = connect(server, TIMEOUT)) {
                assertThat(session.execute("NOOP").untagged()).isEmpty();
                ImapResponse later = session.awaitUntagged(r -> r instanceof ImapResponse.Expunge, TIMEOUT);
                assertThat(later).isInstanceOf(ImapResponse.Expunge.class);
                // the EXISTS that came before it was kept too, for whoever drains, and not given to the next command
                assertThat(session.drainUnsolicited()).singleElement().isInstanceOf(ImapResponse.Exists.class);
                assertThat(session.execute("NOOP").untagged()).isEmpty();
            }
            server.awaitConversations(Duration.ofSeconds(5));
        }
    }

    @Test
    void hungServerTimesOutWithinTheBound() throws Exception {
        try (FakeMailServer hung = FakeMailServer.silent()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> ImapSession.connect(hung.endpoint(),
                    TlsSettings.VERIFY_DEFAULT, new Transcript("hung", new CredentialRedactor()), Duration.ofMillis(500)))
                    .isInstanceOf(ResponseTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void serverClosingFailsPendingCommandsWithConnectionClosed() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> {
            client.sendLine("* OK fake");
            client.expectLine();
        })) {
            ImapSession session = connect(server, TIMEOUT);
            assertThatThrownBy(() -> session.execute("NOOP")).isInstanceOf(ConnectionClosedException.class);
            assertThat(session.isOpen()).isFalse();
            server.awaitConversations(Duration.ofSeconds(5));
        }
    }

    @Test
    void malformedServerReplyIsDeliveredAsAValue() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> {
            client.sendLine("* OK fake");
            client.expectLine();
            client.send("* 1 FETCH (FLAGS (\\Seen)\r\nA0001 OK done\r\n");
            client.readLine();
        })) {
            try (ImapSession session = connect(server, TIMEOUT)) {
                ImapCompletion completion = session.execute("NOOP");
                assertThat(completion.ok()).isTrue();
                assertThat(completion.untagged()).singleElement().isInstanceOfSatisfying(ImapResponse.Malformed.class,
                        m -> assertThat(m.reply().describe()).contains("unbalanced parentheses"));
            }
            server.awaitConversations(Duration.ofSeconds(5));
        }
    }

    @Test
    void startTlsInjectionIsReportedAndTheInjectedBytesAreNotParsedAsProtected() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> {
            client.sendLine("* OK fake");
            client.expectLine();
            client.send("A0001 OK begin TLS\r\n* 9 EXISTS\r\n");
            client.stayQuiet();
        })) {
            ImapSession session = ImapSession.connect(server.endpoint(),
                    TlsSettings.insecureSettings(), new Transcript("fake", new CredentialRedactor()), Duration.ofSeconds(3));
            sessions.add(session);
            assertThatThrownBy(session::startTls).isInstanceOf(io.maildrill.net.ProtocolException.class);
            assertThat(session.findings()).anyMatch(f -> f.contains("STARTTLS") && f.contains("injection"));
            assertThat(session.drainUnsolicited()).noneMatch(r -> r instanceof ImapResponse.Exists);
        }
    }

    @Test
    void saslContinuationLineIsMaskedInTheTranscript() throws Exception {
        String token = java.util.Base64.getEncoder().encodeToString(("\0" + USER + "\0" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        List<String> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (FakeMailServer server = FakeMailServer.start(client -> {
            client.sendLine("* OK fake");
            client.expectLine();
            client.sendLine("+ ");
            answers.add(client.expectLine());
            client.sendLine("A0001 OK authenticated");
            client.readLine();
        })) {
            try (ImapSession session = connect(server, TIMEOUT)) {
                assertThat(session.authenticatePlain(USER, PASSWORD, false).ok()).isTrue();
                session.sendRawLine("A0002 NOOP");
                assertThat(String.join("\n", session.transcript().render()))
                        .contains("C: " + CredentialRedactor.MASK).doesNotContain(token).contains("A0002 NOOP");
            }
            server.awaitConversations(Duration.ofSeconds(5));
            assertThat(answers).singleElement().satisfies(answer -> assertThat(answer.trim()).isEqualTo(token));
        }
    }

    private static ImapSession connect(FakeMailServer server, Duration timeout) {
        return ImapSession.connect(server.endpoint(), TlsSettings.VERIFY_DEFAULT, new Transcript("fake", new CredentialRedactor()),
                timeout);
    }
}
