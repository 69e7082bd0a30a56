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
import java.util.Optional;

/**
 * A loopback proxy in front of a real IMAP server that closes a connection as soon as the client
 * sends a non-synchronizing literal ({@code +}}), the way Mailutils and James were seen to
 * mishandle pipelined LITERAL+ APPENDs. Everything else passes through unchanged.
 */
public final class LiteralPlusDroppingProxy implements AutoCloseable {

    private final ServerSocket proxy;
    private final Target target;

    /** Starts the proxy in front of {@code real}'s IMAP endpoint; {@link #target()} points through it. */
    public LiteralPlusDroppingProxy(Target real) throws IOException {
        this.proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Endpoint server = real.requireImap();
        Sockets.daemon("literal-plus-dropper", () -> accept(server));
        this.target = new Target("dropper", Optional.of(Endpoint.plain("127.0.0.1", proxy.getLocalPort())),
                Optional.empty(), Optional.empty(), real.tls(), real.accounts());
    }

    public Target target() {
        return target;
    }

    private void accept(Endpoint server) {
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
        Sockets.daemon("proxy-pump", () -> {
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
            Sockets.closeQuietly(a);
            Sockets.closeQuietly(b);
        });
    }

    @Override
    public void close() throws IOException {
        proxy.close();
    }
}
