package io.maildrill.provision;

import io.maildrill.net.ClientConnector;
import io.maildrill.net.Endpoint;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal LMTP (RFC 2033) / SMTP delivery client for provisioning. Where the server offers
 * PIPELINING (RFC 2920) the envelope (MAIL, RCPT, DATA) goes out in one write; otherwise one
 * command at a time. It is a plain blocking socket because a provisioning connection does one
 * thing in a loop; several run in parallel.
 *
 * <p>Not a conformance client: delivery is only the way the fixture gets into servers whose
 * POP3 side has no IMAP.
 */
final class SmtpFamilyClient implements AutoCloseable {

    enum Dialect { LMTP, SMTP }

    private static final String SENDER = "provisioner@maildrill.localhost";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Endpoint endpoint;
    private final boolean pipelining;

    SmtpFamilyClient(Endpoint endpoint, Dialect dialect, Duration timeout) throws IOException {
        this.endpoint = endpoint;
        socket = new Socket();
        socket.connect(new InetSocketAddress(ClientConnector.requireLoopback(endpoint.host()), endpoint.port()),
                (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 256 * 1024);
        expect(readReply(), '2', "greeting");
        write((dialect == Dialect.LMTP ? "LHLO" : "EHLO") + " maildrill.localhost\r\n");
        out.flush();
        List<String> hello = readReplyLines();
        expect(hello.get(hello.size() - 1), '2', dialect == Dialect.LMTP ? "LHLO" : "EHLO");
        // Pipeline the envelope only when the server says it may (RFC 2920); GreenMail does not.
        pipelining = hello.stream().anyMatch(l -> l.length() > 4 && l.substring(4).trim().equalsIgnoreCase("PIPELINING"));
    }

    /** Delivers one message to {@code recipient}; returns once the server accepted it. */
    void deliver(String recipient, byte[] message) throws IOException {
        String[] envelope = {"MAIL FROM:<" + SENDER + ">", "RCPT TO:<" + recipient + ">", "DATA"};
        char[] expected = {'2', '2', '3'};
        if (pipelining) {
            write(String.join("\r\n", envelope) + "\r\n");
            out.flush();
            for (int i = 0; i < envelope.length; i++) {
                expect(readReply(), expected[i], envelope[i]);
            }
        } else {
            for (int i = 0; i < envelope.length; i++) {
                write(envelope[i] + "\r\n");
                out.flush();
                expect(readReply(), expected[i], envelope[i]);
            }
        }
        writeDotStuffed(message);
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        // LMTP answers once per recipient; we always have exactly one.
        expect(readReply(), '2', "end of DATA");
    }

    @Override
    public void close() throws IOException {
        try {
            write("QUIT\r\n");
            out.flush();
        } catch (IOException ignored) {
            // The server may already have closed; closing the socket is all that matters.
        } finally {
            socket.close();
        }
    }

    private void writeDotStuffed(byte[] message) throws IOException {
        boolean lineStart = true;
        int runStart = 0;
        for (int i = 0; i < message.length; i++) {
            if (lineStart && message[i] == '.') {
                out.write(message, runStart, i - runStart);
                out.write('.');
                runStart = i;
            }
            lineStart = message[i] == '\n';
        }
        out.write(message, runStart, message.length - runStart);
        if (message.length < 2 || message[message.length - 2] != '\r' || message[message.length - 1] != '\n') {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads one (possibly multi-line "250-...") reply and returns its last line. */
    private String readReply() throws IOException {
        List<String> lines = readReplyLines();
        return lines.get(lines.size() - 1);
    }

    private List<String> readReplyLines() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return lines;
            }
        }
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        throw new ProvisionException("delivery server " + endpoint + " closed the connection");
    }

    private void expect(String reply, char klass, String after) {
        if (reply.isEmpty() || reply.charAt(0) != klass) {
            throw new ProvisionException("delivery server " + endpoint + " refused " + after + ": \"" + reply + "\"");
        }
    }
}
