package io.maildrill.faults;

import io.maildrill.net.Endpoint;
import io.maildrill.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback proxy in front of a real server's endpoint that passes everything through until the
 * client has sent a given command word a given number of times (counted over all connections),
 * and from the next server output on, on that connection, sends a {@link ServerFault} instead of
 * what the server answers. The real server does the normal work; the proxy adds the fault no real
 * server produces on demand.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    private final ServerSocket proxy;
    private final ServerFault fault;
    private final String word;
    private final int passes;
    private final AtomicInteger seen = new AtomicInteger();
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param upstream the real server's plain endpoint
     * @param word     client command word that arms the fault (e.g. {@code APPEND}), case-insensitive
     * @param passes   how many of them pass untouched; the fault strikes on the answer to the next one
     */
    public FaultInjectingProxy(Endpoint upstream, ServerFault fault, String word, int passes) throws IOException {
        this.proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.fault = fault;
        this.word = word.toUpperCase(Locale.ROOT);
        this.passes = passes;
        Sockets.daemon("fault-proxy", () -> accept(upstream));
    }

    /** The endpoint clients connect to. */
    public Endpoint endpoint() {
        return Endpoint.plain("127.0.0.1", proxy.getLocalPort());
    }

    /** {@code real} with its IMAP endpoint replaced by this proxy (POP3 and delivery dropped). */
    public Target imapTarget(Target real) {
        return new Target(real.name() + "-" + fault.name().toLowerCase(Locale.ROOT), Optional.of(endpoint()),
                Optional.empty(), Optional.empty(), real.tls(), real.accounts());
    }

    /** {@code real} with its POP3 endpoint replaced by this proxy (IMAP and delivery dropped). */
    public Target pop3Target(Target real) {
        return new Target(real.name() + "-" + fault.name().toLowerCase(Locale.ROOT), Optional.empty(),
                Optional.of(endpoint()), Optional.empty(), real.tls(), real.accounts());
    }

    private void accept(Endpoint upstream) {
        while (!proxy.isClosed()) {
            try {
                Socket client = proxy.accept();
                Socket server = new Socket(upstream.host(), upstream.port());
                open.add(client);
                open.add(server);
                Connection c = new Connection(client, server);
                Sockets.daemon("proxy-from-client", c::fromClient);
                Sockets.daemon("proxy-from-server", c::fromServer);
            } catch (IOException e) {
                return;
            }
        }
    }

    private final class Connection {
        private final Socket client;
        private final Socket server;
        private volatile boolean armed;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void fromClient() {
            byte[] buffer = new byte[8192];
            StringBuilder line = new StringBuilder();
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        char ch = (char) (buffer[i] & 0xff);
                        if (ch == '\n') {
                            countCommand(line.toString());
                            line.setLength(0);
                        } else if (line.length() < 200) {
                            line.append(ch);
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // either side went away
            }
            closeBoth();
        }

        private void countCommand(String line) {
            String[] words = line.trim().toUpperCase(Locale.ROOT).split(" ");
            // IMAP puts a tag first, POP3 does not
            boolean match = words.length > 0 && words[0].equals(word) || words.length > 1 && words[1].equals(word);
            if (match && seen.incrementAndGet() > passes) {
                armed = true;
            }
        }

        void fromServer() {
            byte[] buffer = new byte[8192];
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (armed) {
                        fault.strike(out, client);
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // either side went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeBoth();
        }

        private void closeBoth() {
            Sockets.closeQuietly(client);
            Sockets.closeQuietly(server);
        }
    }

    /** Stops accepting and drops every connection, faulty or not. */
    @Override
    public void close() throws IOException {
        proxy.close();
        synchronized (open) {
            open.forEach(Sockets::closeQuietly);
        }
    }
}
