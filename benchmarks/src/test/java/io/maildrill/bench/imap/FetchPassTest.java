package io.maildrill.bench.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.bench.support.Sessions;
import io.maildrill.bench.support.Traffic;
import io.maildrill.imap.ImapSession;
import io.maildrill.net.Endpoint;
import io.maildrill.net.TlsSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A listing meets what RFC 3501 §7.4.2 allows: an unsolicited FETCH with a flag update in the middle. */
class FetchPassTest {

    private static final String HEADER = "Subject: x\r\n\r\n";

    /** A one-connection IMAP server: greeting, LOGIN, then one FETCH answered with a flag update between the answers. */
    private static void serve(ServerSocket socket) {
        try (Socket s = socket.accept()) {
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            out.write("* OK [CAPABILITY IMAP4rev1] fake\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (String line; (line = in.readLine()) != null; ) {
                String tag = line.split(" ", 2)[0];
                String reply = line.contains(" FETCH ")
                        ? "* 1 FETCH (UID 1 BODY[HEADER] {" + HEADER.length() + "}\r\n" + HEADER + ")\r\n"
                        + "* 2 FETCH (FLAGS (\\Flagged))\r\n"
                        + "* 2 FETCH (UID 2 BODY[HEADER] {" + HEADER.length() + "}\r\n" + HEADER + ")\r\n"
                        + tag + " OK done\r\n"
                        : tag + " OK done\r\n";
                out.write(reply.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (Exception ignored) {
            // the test is over
        }
    }

    @Test
    @Timeout(30)
    void anUnsolicitedFlagUpdateIsNeitherAnAnswerNorAFailure() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> serve(socket), "fake-imap");
            server.setDaemon(true);
            server.start();
            try (ImapSession session = ImapSession.connect(Endpoint.plain("127.0.0.1", socket.getLocalPort()),
                    TlsSettings.VERIFY_DEFAULT, Sessions.silentTranscript("t"), Duration.ofSeconds(5))) {
                assertThat(session.login("u", "p").ok()).isTrue();
                List<Long> uids = new ArrayList<>();
                FetchPass.run(session, 2, "(UID BODY.PEEK[HEADER])", f -> f.body("HEADER").isPresent(), new Traffic(),
                        f -> uids.add(f.uid().getAsLong()));
                assertThat(uids).containsExactly(1L, 2L);
            }
        }
    }
}
