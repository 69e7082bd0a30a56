package io.maildrill.faults;

import io.maildrill.net.Endpoint;
import java.io.ByteArrayOutputStream;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback proxy in front of a real IMAP server that plants one {@link Defect} in what the
 * server sends: the real server carries the load, the proxy makes it lie in a way no real server
 * does on demand. Lines are rewritten; literals pass through untouched (their announced length is
 * followed), so the stream stays well-formed.
 */
public final class ResponseRewritingProxy implements AutoCloseable {

    /** The planted defects. */
    public enum Defect {
        /** Every {@code * n EXPUNGE} names n+1: the session removes the wrong message. */
        EXPUNGE_SEQUENCE_OFF_BY_ONE,
        /** On every second connection, every UID in a FETCH response is one higher. */
        UIDS_SHIFTED_ON_SOME_CONNECTIONS,
        /** Every RFC822.SIZE is two more than the message's octets. */
        RFC822_SIZE_PLUS_TWO
    }

    private static final Pattern EXPUNGE = Pattern.compile("^\\* (\\d+) EXPUNGE");
    private static final Pattern UID = Pattern.compile("(?<=[( ])UID (\\d+)");
    private static final Pattern SIZE = Pattern.compile("RFC822\\.SIZE (\\d+)");
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\+?}$");

    private final ServerSocket listener;
    private final Defect defect;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong rewritten = new AtomicLong();
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

    public ResponseRewritingProxy(Endpoint upstream, Defect defect) throws IOException {
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.defect = defect;
        Sockets.daemon("rewriting-proxy", () -> accept(upstream));
    }

    public Endpoint endpoint() {
        return Endpoint.plain("127.0.0.1", listener.getLocalPort());
    }

    /** How many lines the proxy changed: a run that tests the defect must have met it. */
    public long rewritten() {
        return rewritten.get();
    }

    private void accept(Endpoint upstream) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(upstream.host(), upstream.port());
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                boolean affected = defect != Defect.UIDS_SHIFTED_ON_SOME_CONNECTIONS || connections.incrementAndGet() % 2 == 0;
                Sockets.daemon("rewriting-proxy-up", () -> copy(client, server));
                Sockets.daemon("rewriting-proxy-down", () -> rewrite(server, client, affected));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void copy(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // either side went away
        }
        Sockets.closeQuietly(from);
        Sockets.closeQuietly(to);
    }

    /** Server to client: line by line (rewritten when {@code affected}), literals verbatim. */
    private void rewrite(Socket from, Socket to, boolean affected) {
        try (InputStream in = new java.io.BufferedInputStream(from.getInputStream());
             OutputStream out = to.getOutputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0; ) {
                line.write(b);
                if (b != '\n') {
                    continue;
                }
                String text = line.toString(StandardCharsets.ISO_8859_1);
                line.reset();
                String body = text.endsWith("\r\n") ? text.substring(0, text.length() - 2) : text.strip();
                String changed = affected ? rewriteLine(body) : body;
                out.write((changed + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                Matcher literal = LITERAL.matcher(body);
                if (literal.find()) {
                    long remaining = Long.parseLong(literal.group(1));
                    for (; remaining > 0; remaining--) {
                        int c = in.read();
                        if (c < 0) {
                            break;
                        }
                        out.write(c);
                    }
                }
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException ignored) {
            // either side went away
        }
        Sockets.closeQuietly(from);
        Sockets.closeQuietly(to);
    }

    private String rewriteLine(String line) {
        String changed = switch (defect) {
            case EXPUNGE_SEQUENCE_OFF_BY_ONE -> replaceNumber(EXPUNGE.matcher(line), 1);
            case UIDS_SHIFTED_ON_SOME_CONNECTIONS -> line.contains(" FETCH ") ? replaceNumber(UID.matcher(line), 1) : line;
            case RFC822_SIZE_PLUS_TWO -> replaceNumber(SIZE.matcher(line), 2);
        };
        if (!changed.equals(line)) {
            rewritten.incrementAndGet();
        }
        return changed;
    }

    /** Adds {@code delta} to group 1 of every match. */
    private static String replaceNumber(Matcher m, long delta) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String whole = m.group();
            String replaced = whole.substring(0, m.start(1) - m.start()) + (Long.parseLong(m.group(1)) + delta)
                    + whole.substring(m.end(1) - m.start());
            m.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (open) {
            open.forEach(Sockets::closeQuietly);
        }
    }
}
