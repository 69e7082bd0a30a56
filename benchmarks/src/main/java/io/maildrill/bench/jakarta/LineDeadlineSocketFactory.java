package io.maildrill.bench.jakarta;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.SocketFactory;

/**
 * Hands Jakarta Mail {@link LineDeadlineSocket}s (through {@code mail.<protocol>.socketFactory}).
 * Jakarta Mail asks for an unconnected socket and connects it with its own connection timeout;
 * the other methods exist for completeness of the contract.
 */
final class LineDeadlineSocketFactory extends SocketFactory {

    private final Duration bound;

    LineDeadlineSocketFactory(Duration bound) {
        this.bound = bound;
    }

    @Override
    public Socket createSocket() {
        return new LineDeadlineSocket(bound);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    private Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote, (int) Math.min(Integer.MAX_VALUE, bound.toMillis()));
        return socket;
    }
}
