package io.maildrill.net;

/** The connection closed (by the server or the network) while a response was awaited. */
public final class ConnectionClosedException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public ConnectionClosedException(String whileDoing) {
        super("connection closed while " + whileDoing);
    }

    private ConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The connection closed during a wait for {@code what}; the message says what the server sent
     * last (a BYE, garbage, nothing), which is usually why.
     */
    public static ConnectionClosedException during(String what, InboundActivity activity, ConnectionClosedException cause) {
        return new ConnectionClosedException("connection closed while waiting for " + what + "; " + activity.describe(), cause);
    }
}
