package io.maildrill.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.net.Endpoint;
import io.maildrill.report.model.Failure;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.script.parse.ScriptParser;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that drops the connection when it meets a non-synchronizing literal (as Mailutils and
 * James were seen to mishandle pipelined LITERAL+ APPENDs): the fixture is loaded again one APPEND
 * at a time, and the script runs on. The fault is a proxy in front of the embedded GreenMail.
 */
class FixtureRetryTest {

    private static final String SCRIPT = """
            @title     fixture through a server that cannot take LITERAL+
            @covers    I45
            @level     MUST
            @protocols imap
            @category  framing
            @fixture   messages=3 shapes=plain profile=tiny seed=5

            session A imap account=1
            A> FETCH #3 (UID)
            A< * #3 FETCH (UID #3.uid)
            A< OK
            """;

    @Test
    @Timeout(60)
    void aDroppedPipelinedLoadIsRetriedOneAppendAtATime() throws Exception {
        try (EmbeddedGreenMail server = EmbeddedGreenMail.start(1);
             ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Target real = server.target();
            Thread t = new Thread(() -> proxyDroppingLiteralPlus(proxy, real.requireImap()), "literal-plus-dropper");
            t.setDaemon(true);
            t.start();
            Target target = new Target("dropper", Optional.of(Endpoint.plain("127.0.0.1", proxy.getLocalPort())),
                    Optional.empty(), Optional.empty(), real.tls(), real.accounts());
            ScriptResult r = new ScriptExecutor(target, new ExecutorOptions(Duration.ofSeconds(3), Duration.ofSeconds(3)))
                    .execute("imap/t/retry.script", ScriptParser.parse("retry", SCRIPT), real.accounts());
            assertThat(r.outcome()).as(r.failure().map(Failure::describe).orElse(r.reason().orElse("")))
                    .isEqualTo(Outcome.PASSED);
            assertThat(String.join("\n", r.transcripts().get("setup")))
                    .contains("the pipelined load failed").contains("one APPEND at a time");
        }
    }

    /** Forwards every connection to the server, and closes it when the client sends "+}" (LITERAL+). */
    private static void proxyDroppingLiteralPlus(ServerSocket proxy, Endpoint server) {
        while (!proxy.isClosed()) {
            try {
                Socket client = proxy.accept();
                Socket upstream = new Socket(server.host(), server.port());
                pump(upstream.getInputStream(), client.getOutputStream(), client, upstream, false);
                pump(client.getInputStream(), upstream.getOutputStream(), client, upstream, true);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(InputStream in, OutputStream out, Socket a, Socket b, boolean fromClient) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (fromClient && new String(buffer, 0, n, StandardCharsets.ISO_8859_1).contains("+}")) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // either side went away
            }
            close(a);
            close(b);
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
