package io.maildrill.net;

/** The connection closed (by the server or the network) while a response was awaited. */
public final class ConnectionClosedException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public ConnectionClosedException(String whileDoing) {
        super("connection closed while " + whileDoing);
    }
}
