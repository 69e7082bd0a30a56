package io.maildrill.net;

import java.time.Duration;

/** A bounded wait ran out: the server did not answer (or push) within the given time. */
public final class ResponseTimeoutException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public ResponseTimeoutException(String waitingFor, Duration timeout) {
        super("timed out after " + timeout.toMillis() + " ms waiting for " + waitingFor);
    }

    /** The same, saying what the server did meanwhile (stalled, dripped, sent something else). */
    public ResponseTimeoutException(String waitingFor, Duration timeout, InboundActivity activity) {
        super("timed out after " + timeout.toMillis() + " ms waiting for " + waitingFor + "; " + activity.describe());
    }
}
