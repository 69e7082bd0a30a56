package io.maildrill.faults;

import io.maildrill.net.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A loopback server that plays, on every connection it accepts, a conversation the test writes:
 * for what no real server does on demand (silence, a close in mid-response, bytes no grammar
 * allows, a {@link ServerFault}), over IMAP or POP3 alike, since it speaks only lines. One
 * implementation for every test that needs a misbehaving server; a real server (GreenMail) is
 * for everything else.
 *
 * <p>Every wait is bounded: a read gives up after {@link #READ_BOUND}, a conversation ends when
 * the server is closed, and {@link #awaitConversations} takes its own bound.
 */
public final class FakeMailServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    public interface Conversation {
        void play(Client client) throws Exception;
    }

    /** Longest a single read waits for the client. */
    public static final Duration READ_BOUND = Duration.ofSeconds(10);
    private static final int MAX_LINE = 1024 * 1024;

    private final ServerSocket listener;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> conversations = new CopyOnWriteArrayList<>();

    private FakeMailServer(ServerSocket listener, Conversation conversation) {
        this.listener = listener;
        Thread acceptor = new Thread(() -> acceptAll(conversation), "fake-mail-server-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on a free loopback port and plays {@code conversation} on each connection. */
    public static FakeMailServer start(Conversation conversation) throws IOException {
        return new FakeMailServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), conversation);
    }

    /** Accepts connections and never says a word: a server that hangs before its greeting. */
    public static FakeMailServer silent() throws IOException {
        return start(Client::stayQuiet);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** This server as a plain (no TLS) endpoint. */
    public Endpoint endpoint() {
        return Endpoint.plain("127.0.0.1", port());
    }

    /** How many connections were accepted so far. */
    public int connections() {
        return conversations.size();
    }

    /**
     * Waits, at most {@code bound}, for the conversations begun so far to end, and fails with the
     * first one's own failure (a line the test expected that did not come, say).
     */
    public void awaitConversations(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        for (CompletableFuture<Void> conversation : conversations) {
            try {
                conversation.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError("the fake server's conversation failed: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new AssertionError("the fake server's conversation had not ended after " + bound);
            }
        }
    }

    /** Stops listening and ends every conversation by closing its connection. */
    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    private void acceptAll(Conversation conversation) {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException closed) {
                return;
            }
            accepted.add(socket);
            CompletableFuture<Void> done = new CompletableFuture<>();
            conversations.add(done);
            Thread player = new Thread(() -> play(conversation, socket, done), "fake-mail-conversation-" + accepted.size());
            player.setDaemon(true);
            player.start();
        }
    }

    private static void play(Conversation conversation, Socket socket, CompletableFuture<Void> done) {
        try (socket) {
            socket.setSoTimeout((int) READ_BOUND.toMillis());
            conversation.play(new Client(socket));
            done.complete(null);
        } catch (Exception e) {
            done.completeExceptionally(e);
        }
    }

    /** The server's side of one connection, as a conversation sees it. */
    public static final class Client {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Client(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Sends these octets as they are (ISO-8859-1: each char one octet, so any byte can be written). */
        public void send(String octets) throws IOException {
            out.write(octets.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** Sends {@code line} and CRLF. */
        public void sendLine(String line) throws IOException {
            send(line + "\r\n");
        }

        /**
         * The client's next line without its line end, or null when the client closed; a line
         * longer than 1 MiB is cut there. Waits at most {@link #READ_BOUND}.
         */
        public String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int c; (c = in.read()) >= 0; ) {
                if (c == '\n') {
                    byte[] bytes = line.toByteArray();
                    int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
                }
                if (line.size() < MAX_LINE) {
                    line.write(c);
                }
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }

        /** The client's next line, which must be there: a conversation that got less fails. */
        public String expectLine() throws IOException {
            String line = readLine();
            if (line == null) {
                throw new IOException("the client closed where the conversation expected a line");
            }
            return line;
        }

        /** Misbehaves as {@code fault} does from here on. */
        public void strike(ServerFault fault) throws IOException, InterruptedException {
            fault.strike(out, socket);
        }

        /**
         * Reads and drops whatever comes until the client closes, the server is closed, or
         * {@link ServerFault#MAX_RUN_MILLIS} pass: a connection kept open and silent.
         */
        public void stayQuiet() throws IOException {
            long end = System.currentTimeMillis() + ServerFault.MAX_RUN_MILLIS;
            byte[] sink = new byte[8192];
            while (System.currentTimeMillis() < end) {
                try {
                    if (in.read(sink) < 0) {
                        return;
                    }
                } catch (SocketTimeoutException quiet) {
                    // nothing came; keep waiting until the end
                } catch (SocketException closed) {
                    return;
                }
            }
        }

        /** Closes the connection with a reset (RST) instead of an orderly close. */
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        /** Closes the connection (FIN). */
        public void hangUp() throws IOException {
            socket.close();
        }
    }
}
