package io.maildrill.load;

import io.maildrill.net.ConnectionClosedException;
import io.maildrill.net.ProtocolException;
import io.maildrill.net.ResponseTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a virtual user, IMAP or POP3, begins and ends, in either model. A closed-model user walks
 * its cycle until the run ends and, after an error, connects again. An open-model arrival is meant
 * to start at a given moment, walks its cycle once and is done: an error ends it; its first
 * connect and its SESSION time are measured from the intended start, so waiting for a slow server
 * counts; and a session in which anything failed has no SESSION time (its error is counted).
 */
final class UserLifetime {

    private final LoadContext context;
    private final UserPacing pacing;
    /** Open model: when the session was meant to start ({@link System#nanoTime()}); closed model: -1. */
    private final long intendedStartNanos;
    private final Runnable onFinish;
    private boolean connectedOnce;
    private boolean failed;
    private boolean done;

    UserLifetime(LoadContext context, UserPacing pacing, long intendedStartNanos, Runnable onFinish) {
        this.context = context;
        this.pacing = pacing;
        this.intendedStartNanos = intendedStartNanos;
        this.onFinish = onFinish;
    }

    boolean openModel() {
        return intendedStartNanos >= 0;
    }

    /** Where this connect is timed from: an open-model arrival's first from its intended start, any other from now. */
    long connectTimedFrom() {
        long from = openModel() && !connectedOnce ? intendedStartNanos : System.nanoTime();
        connectedOnce = true;
        return from;
    }

    /** Counts an error of {@code kind} and remembers that this session had one. */
    void error(CommandStats kind, String what) {
        kind.failed(what);
        failed = true;
    }

    /** The session failed without an error to count (a refusal that is an answer, such as POP3's [IN-USE]). */
    void failedWithoutError() {
        failed = true;
    }

    /** After an error, the connection already dropped: the closed model retries later, the open model ends. */
    void retryOrEnd(Runnable retry, Runnable disconnect) {
        if (openModel()) {
            finish(disconnect);
        } else {
            pacing.retryLater(retry);
        }
    }

    /** An open-model session done with its cycle: its SESSION time, unless something in it failed; then the end. */
    void sessionDone(Runnable disconnect) {
        if (!failed) {
            context.stats().kind(LoadStats.SESSION).completed(
                    TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - intendedStartNanos), false);
        }
        finish(disconnect);
    }

    /** Ends the user, once: {@code disconnect}, then the run is told. */
    void finish(Runnable disconnect) {
        if (done) {
            return;
        }
        done = true;
        disconnect.run();
        onFinish.run();
    }

    /** A short name for what went wrong, for the error counts (no message text: it may quote the server). */
    static String errorKind(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof TimeoutException || e instanceof ResponseTimeoutException) {
            return "timeout";
        }
        if (e instanceof ConnectionClosedException) {
            return "connection closed";
        }
        if (e instanceof ProtocolException) {
            return "protocol error";
        }
        return e.getClass().getSimpleName();
    }
}
