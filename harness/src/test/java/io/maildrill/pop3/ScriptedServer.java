package io.maildrill.pop3;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection loopback server that plays a fixed script, for behaviour GreenMail cannot show:
 * silence, abrupt close, injected bytes. Every wait is bounded by the socket timeout.
 */
final class ScriptedServer implements AutoCloseable {

    /** What the server does with the accepted connection. */
    interface Script {
        void run(BufferedReader in, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Thread thread;

    ScriptedServer(Script script) throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(10_000);
        thread = new Thread(() -> {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(10_000);
                script.run(new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)),
                        s.getOutputStream());
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        }, "scripted-pop3-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Keeps the connection open, silent, until the client goes away or the server is closed. */
    static void stayQuiet(BufferedReader in) throws IOException {
        try {
            while (in.read() >= 0) {
                // discard
            }
        } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
            // closed or timed out: the test is over
        }
    }

    @Override
    public void close() throws Exception {
        socket.close();
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(11));
    }
}
