package io.maildrill.bench.jakarta;

import io.maildrill.net.InboundActivity;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A socket for the Jakarta Mail baseline that bounds a wait the way maildrill's own client does:
 * a line the server sends must end within the bound of the moment the client began waiting for
 * it. Jakarta Mail's own read timeout starts again with every octet, so a server that drips an
 * octet at a time, or streams a line or literal that never ends, would hold the baseline as long
 * as it likes (until JMH's ten-minute iteration limit). Before each read the socket's timeout is
 * set to what is left of the current line's bound (or Jakarta Mail's own timeout, if shorter); a
 * wait that runs out ends in a {@link SocketTimeoutException} that says what the server sent, as
 * maildrill's own timeouts do.
 *
 * <p>A line's clock starts when the client reads while no line is unfinished, or when the octets
 * after the last line end arrive. A large literal counts by its lines, so a message body arriving
 * steadily never runs out; one without line ends must arrive within the bound.
 */
final class LineDeadlineSocket extends Socket {

    /**
     * What went wrong last on a socket read by this thread. Jakarta Mail often drops the cause (a
     * listing that timed out ends in a bare {@code FolderClosedException}); Jakarta Mail reads on
     * the thread that called it, so the benchmark thread can ask afterwards.
     */
    private static final ThreadLocal<String> LAST_FAILURE = new ThreadLocal<>();

    private final long boundNanos;
    private final InboundActivity activity = new InboundActivity();
    /** The read timeout Jakarta Mail asked for, in ms; 0 for none. */
    private volatile int ownTimeoutMillis;
    private InputStream in;

    LineDeadlineSocket(Duration bound) {
        this.boundNanos = bound.toNanos();
    }

    /** The last read failure on this thread since {@link #forgetFailures()}, with what the server sent. */
    static Optional<String> lastFailure() {
        return Optional.ofNullable(LAST_FAILURE.get());
    }

    static void forgetFailures() {
        LAST_FAILURE.remove();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        ownTimeoutMillis = timeout;
        super.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() {
        return ownTimeoutMillis;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new LineDeadlineInput(super.getInputStream());
        }
        return in;
    }

    private void readTimeout(int millis) throws SocketException {
        super.setSoTimeout(millis);
    }

    private final class LineDeadlineInput extends FilterInputStream {

        private final byte[] one = new byte[1];
        private boolean lineOpen;
        private long lineStartedNanos;

        LineDeadlineInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long now = System.nanoTime();
            if (!lineOpen) {
                lineOpen = true;
                lineStartedNanos = now;
            }
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(lineStartedNanos + boundNanos - now);
            if (leftMillis <= 0) {
                throw timedOut();
            }
            int own = ownTimeoutMillis;
            long millis = own > 0 ? Math.min(own, leftMillis) : leftMillis;
            // leftMillis > 0 here, so the socket never gets 0 ("no timeout")
            readTimeout((int) Math.min(Integer.MAX_VALUE, millis));
            int n;
            try {
                n = super.read(b, off, len);
            } catch (SocketTimeoutException e) {
                throw timedOut();
            } catch (IOException e) {
                LAST_FAILURE.set(e + " reading from " + peer() + "; " + activity.describe());
                throw e;
            }
            if (n < 0) {
                LAST_FAILURE.set(peer() + " closed the connection; " + activity.describe());
            } else if (n > 0) {
                activity.received(b, off, n);
                int lastLf = lastLineFeed(b, off, n);
                if (lastLf >= 0) {
                    lineOpen = lastLf != off + n - 1;
                    lineStartedNanos = System.nanoTime();
                }
            }
            return n;
        }

        private SocketTimeoutException timedOut() {
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lineStartedNanos);
            String reason = "timed out after " + waited + " ms waiting for a line end from " + peer() + "; " + activity.describe();
            LAST_FAILURE.set(reason);
            return new SocketTimeoutException(reason);
        }

        private String peer() {
            return getInetAddress().getHostAddress() + ":" + getPort();
        }

        private static int lastLineFeed(byte[] b, int off, int n) {
            for (int i = off + n - 1; i >= off; i--) {
                if (b[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }
}
