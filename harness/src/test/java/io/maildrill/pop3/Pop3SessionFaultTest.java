package io.maildrill.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildrill.faults.FakeMailServer;
import io.maildrill.net.ConnectionClosedException;
import io.maildrill.net.Endpoint;
import io.maildrill.net.ResponseTimeoutException;
import io.maildrill.net.TlsSettings;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.Transcript;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The session against scripted loopback servers that misbehave in ways a real server rarely shows on demand. */
class Pop3SessionFaultTest {

    private static final Duration TIMEOUT = Duration.ofMillis(700);

    private final Transcript transcript = new Transcript("fault-test", new CredentialRedactor());

    private Pop3Session connect(FakeMailServer server) {
        return Pop3Session.connect(Endpoint.plain("127.0.0.1", server.port()), TlsSettings.VERIFY_DEFAULT, transcript, TIMEOUT);
    }

    @Test
    void silentServerTimesOutWaitingForTheGreeting() throws Exception {
        try (FakeMailServer server = FakeMailServer.silent()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> connect(server))
                    .isInstanceOf(ResponseTimeoutException.class)
                    .hasMessageContaining("greeting");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusSeconds(2));
        }
    }

    @Test
    void hungServerTimesOutWithinTheSessionTimeout() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> {
            client.send("+OK ready\r\n");
            client.stayQuiet();
        }); Pop3Session session = connect(server)) {
            long start = System.nanoTime();
            assertThatThrownBy(session::stat)
                    .isInstanceOf(ResponseTimeoutException.class)
                    .hasMessageContaining("STAT");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertThat(elapsed).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(50)).isLessThan(TIMEOUT.plusSeconds(2));
        }
    }

    @Test
    void serverClosingFailsEveryPendingCommand() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> {
            client.send("+OK ready\r\n");
            client.readLine();
        }); Pop3Session session = connect(server)) {
            CompletableFuture<Pop3Reply> first = session.sendAsync(Pop3Commands.stat());
            CompletableFuture<Pop3Reply> second = session.sendAsync(Pop3Commands.list());
            assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectionClosedException.class);
            assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectionClosedException.class);
            assertThatThrownBy(session::noop).isInstanceOf(ConnectionClosedException.class);
            assertThat(session.isOpen()).isFalse();
        }
    }

    @Test
    void malformedReplyIsAValueAndTheSessionGoesOn() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> {
            client.send("+OK ready\r\n");
            client.readLine();
            client.send("OK 2 300\r\n");
            client.readLine();
            client.send("+OK\r\n");
            client.stayQuiet();
        }); Pop3Session session = connect(server)) {
            Pop3Reply stat = session.stat();
            assertThat(stat).isInstanceOf(Pop3Malformed.class);
            assertThat(stat.describe()).contains("OK 2 300\\r\\n");
            assertThat(session.noop().isOk()).isTrue();
        }
    }

    @Test
    void truncatedRetrIsReportedWhenTheServerCloses() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> {
            client.send("+OK ready\r\n");
            client.readLine();
            client.send("+OK 100 octets\r\nSubject: cut\r\n\r\nhalf a mess");
        }); Pop3Session session = connect(server)) {
            Pop3Reply reply = session.retr(1);
            assertThat(reply).isInstanceOf(Pop3Malformed.class);
            assertThat(((Pop3Malformed) reply).malformed().problem()).contains("connection closed inside a multi-line reply");
        }
    }

    @Test
    void apopSendsTheRfc1939Digest() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> {
            client.send("+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n");
            String line = client.readLine();
            client.send(line.equals("APOP mrose c4c9334bac560ecc979e58001b3e22fb")
                    ? "+OK maildrop has 1 message (369 octets)\r\n" : "-ERR got " + line + "\r\n");
            client.stayQuiet();
        }); Pop3Session session = connect(server)) {
            assertThat(session.apopTimestamp()).contains("<1896.697170952@dbc.mtview.ca.us>");
            Pop3Reply reply = session.apop("mrose", "tanstaaf");
            assertThat(reply.isOk()).as(reply.describe()).isTrue();
            assertThat(String.join("\n", transcript.render())).doesNotContain("c4c9334bac560ecc979e58001b3e22fb")
                    .doesNotContain("tanstaaf");
        }
    }

    @Test
    void bytesAfterStlsOkAreReportedAndTlsIsNotStarted() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> {
            client.send("+OK ready\r\n");
            client.readLine();
            client.send("+OK begin TLS\r\n-ERR injected\r\n");
            client.stayQuiet();
        }); Pop3Session session = connect(server)) {
            Pop3Reply reply = session.stls();
            assertThat(reply).isInstanceOf(Pop3Malformed.class);
            assertThat(((Pop3Malformed) reply).malformed().bytes())
                    .isEqualTo("-ERR injected\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void pipelineReportsARawLineReplyInOrder() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> {
            client.send("+OK ready\r\n");
            client.readLine();
            client.readLine();
            client.send("+OK custom\r\na\r\n..b\r\n.\r\n+OK done\r\n");
            client.stayQuiet();
        }); Pop3Session session = connect(server)) {
            List<Pop3Reply> replies = session.pipeline(List.of(
                    Pop3Command.rawLine("XLIST", Pop3ResponseExpectation.MULTI_LINE_IF_OK), Pop3Commands.noop()));
            assertThat(((Pop3Response) replies.get(0)).contentLines()).containsExactly("a", ".b");
            assertThat(replies.get(1).isOk()).isTrue();
        }
    }
}
