package io.maildrill.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Named ways a server misbehaves, for the faults no real server produces on demand. Each writes
 * what the server sends from the moment it strikes, instead of the real answer; none of them ever
 * ends the connection by itself except {@link #BYE} and {@link #CLOSE_MID_LITERAL}, so the
 * client's own bounds are what is tested.
 * Every fault stops after {@link #MAX_RUN_MILLIS} so a test that forgets to stop cannot run away.
 */
public enum ServerFault {

    /** Nothing more, connection kept open. */
    STALL("nothing (stalls)", "timed out") {
        @Override
        void strike(OutputStream out, Socket socket) throws IOException, InterruptedException {
            Thread.sleep(MAX_RUN_MILLIS);
        }
    },
    /** The start of a response, then nothing: the line never ends. */
    STALL_MID_RESPONSE("octets without a line end: \"* 1 FETCH (FLAGS (half", "1 FETCH (FLAGS (half") {
        @Override
        void strike(OutputStream out, Socket socket) throws IOException, InterruptedException {
            write(out, "* 1 FETCH (FLAGS (half");
            Thread.sleep(MAX_RUN_MILLIS);
        }
    },
    /** A literal announced as {100}, 16 of its octets, and the connection closed. */
    CLOSE_MID_LITERAL("{100}\\r\\n", "closed") {
        @Override
        void strike(OutputStream out, Socket socket) throws IOException {
            write(out, "* 1 FETCH (BODY[] {100}\r\nhalf a literal..");
            socket.close();
        }
    },
    /** Bytes no IMAP or POP3 grammar allows, then nothing. */
    GARBAGE("\\x00\\x01garbage", "garbage") {
        @Override
        void strike(OutputStream out, Socket socket) throws IOException, InterruptedException {
            write(out, "\u0000\u0001garbage \u00ff\u00fe\r\n");
            Thread.sleep(MAX_RUN_MILLIS);
        }
    },
    /** A tagged completion for a tag the client never used, then nothing. */
    WRONG_TAG("ZZ999 OK done, but not yours\\r\\n", "ZZ999") {
        @Override
        void strike(OutputStream out, Socket socket) throws IOException, InterruptedException {
            write(out, "ZZ999 OK done, but not yours\r\n");
            Thread.sleep(MAX_RUN_MILLIS);
        }
    },
    /** A line ended by LF alone, then nothing. */
    BARE_LF("* OK bare line feed\\n\"", "bare line feed") {
        @Override
        void strike(OutputStream out, Socket socket) throws IOException, InterruptedException {
            write(out, "* OK bare line feed\n");
            Thread.sleep(MAX_RUN_MILLIS);
        }
    },
    /** One octet every 200 ms of a response that never ends. */
    DRIP("octets without a line end: \"* OK ", "octets without a line end") {
        @Override
        void strike(OutputStream out, Socket socket) throws IOException, InterruptedException {
            long end = System.currentTimeMillis() + MAX_RUN_MILLIS;
            byte[] text = "* OK drip drip drip drip drip drip drip drip drip drip drip".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; System.currentTimeMillis() < end; i = (i + 1) % text.length) {
                out.write(text[i]);
                out.flush();
                Thread.sleep(200);
            }
        }
    },
    /** A 10 MiB line without its CRLF, then nothing. */
    LONG_LINE("10485765 octets without a line end: \"* OK xxxx", "xxxxxxxxxxxxxxxx") {
        @Override
        void strike(OutputStream out, Socket socket) throws IOException, InterruptedException {
            write(out, "* OK ");
            writeRepeated(out, 'x', 10 * 1024 * 1024);
            Thread.sleep(MAX_RUN_MILLIS);
        }
    },
    /** A literal announced as {4000000000} and then 64 MiB of it, then nothing. */
    HUGE_LITERAL("{4000000000}\\r\\n\"; then 67108864 octets without a line end: \"yyyy", "{4000000000}") {
        @Override
        void strike(OutputStream out, Socket socket) throws IOException, InterruptedException {
            write(out, "* 1 FETCH (BODY[] {4000000000}\r\n");
            writeRepeated(out, 'y', 64 * 1024 * 1024);
            Thread.sleep(MAX_RUN_MILLIS);
        }
    },
    /** An untagged BYE, and the connection closed. */
    BYE("* BYE shutting down for maintenance\\r\\n", "shutting down for maintenance") {
        @Override
        void strike(OutputStream out, Socket socket) throws IOException {
            write(out, "* BYE shutting down for maintenance\r\n");
            socket.close();
        }
    };

    /** Longest a fault keeps its connection busy. */
    public static final long MAX_RUN_MILLIS = 60_000;

    private final String quoted;
    private final String signature;

    ServerFault(String quoted, String signature) {
        this.quoted = quoted;
        this.signature = signature;
    }

    /**
     * A plain piece of what an error about this fault says (no quotes or escapes, so it reads the
     * same in a console line and inside a JSON report).
     */
    public String signature() {
        return signature;
    }

    /** Text that a message naming this fault's bytes contains (escaped as maildrill quotes them). */
    public String quoted() {
        return quoted;
    }

    abstract void strike(OutputStream out, Socket socket) throws IOException, InterruptedException;

    private static void writeRepeated(OutputStream out, char octet, int count) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) octet);
        for (int written = 0; written < count; written += chunk.length) {
            out.write(chunk, 0, Math.min(chunk.length, count - written));
        }
        out.flush();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
