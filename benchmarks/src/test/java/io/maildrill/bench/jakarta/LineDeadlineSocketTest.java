package io.maildrill.bench.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildrill.faults.FakeMailServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bound the Jakarta Mail baseline's sockets keep: a line must end within it, however the
 * octets trickle in, while a long answer whose lines keep ending may take as long as it takes.
 * A fake server, because dripping is a fault no real server produces on demand.
 */
@Timeout(30)
class LineDeadlineSocketTest {

    private static final Duration BOUND = Duration.ofMillis(1000);

    private FakeMailServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLineThatDripsEndsInATimeoutThatQuotesIt() throws Exception {
        serve(client -> {
            for (char octet : "* OK drip drip drip drip drip drip drip drip".toCharArray()) {
                client.send(String.valueOf(octet));
                Thread.sleep(100);
            }
        });
        try (Socket socket = connect()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            long start = System.nanoTime();

            assertThatThrownBy(reader::readLine).isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("waiting for a line end from 127.0.0.1:" + server.port())
                    .hasMessageContaining("octets without a line end: \"* OK drip");
            // the read timeout Jakarta Mail set (10 s) restarts with every octet; the line's bound does not
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(LineDeadlineSocket.lastFailure()).hasValueSatisfying(reason -> assertThat(reason).contains("drip"));
        }
    }

    @Test
    void anAnswerWhoseLinesKeepEndingMayOutlastTheBound() throws Exception {
        serve(client -> {
            for (int i = 1; i <= 25; i++) {
                client.send(("* " + i + " FETCH (FLAGS ())\r\n"));
                Thread.sleep(100);
            }
            client.send("A1 OK done\r\n");
        });
        try (Socket socket = connect()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line;
            int lines = 0;
            while ((line = reader.readLine()) != null && !line.startsWith("A1 ")) {
                lines++;
            }
            assertThat(lines).isEqualTo(25);
            assertThat(line).isEqualTo("A1 OK done");
        }
    }

    @Test
    void aServerThatStopsAfterALineIsQuotedWhenTheBoundRunsOut() throws Exception {
        serve(client -> {
            client.send("* OK ready\r\n");
            client.stayQuiet();
        });
        try (Socket socket = connect()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(reader.readLine()).isEqualTo("* OK ready");

            assertThatThrownBy(reader::readLine).isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("its last line: \"* OK ready\\r\\n\"");
        }
    }

    private void serve(FakeMailServer.Conversation conversation) throws IOException {
        server = FakeMailServer.start(conversation);
    }

    private Socket connect() throws IOException {
        Socket socket = new LineDeadlineSocketFactory(BOUND).createSocket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }
}
