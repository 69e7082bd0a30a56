package io.maildrill.net;

/**
 * Base of the failures a session reports to its caller: timeouts, closed connections,
 * connection refused, TLS failures. Malformed replies are not exceptions but values
 * ({@link MalformedReply}), because a check must be able to inspect them.
 */
public class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
