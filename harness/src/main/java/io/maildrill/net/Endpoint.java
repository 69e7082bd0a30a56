package io.maildrill.net;

import java.util.Objects;

/**
 * One server address and how TLS is used on it.
 *
 * @param host a loopback host (127.0.0.0/8 or ::1); maildrill never talks to other networks
 * @param port TCP port
 * @param tls  none, implicit (imaps/pop3s) or upgraded by STARTTLS/STLS after the greeting
 */
public record Endpoint(String host, int port, TlsMode tls) {

    /** How TLS is used on a connection. */
    public enum TlsMode { NONE, IMPLICIT, STARTTLS }

    public Endpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 1..65535)");
        }
    }

    public static Endpoint plain(String host, int port) {
        return new Endpoint(host, port, TlsMode.NONE);
    }

    @Override
    public String toString() {
        return host + ":" + port + (tls == TlsMode.NONE ? "" : " (" + tls.name().toLowerCase() + ")");
    }
}
