package io.maildrill.net;

/**
 * A TLS handshake ended because the server's certificate chain or host name did not verify against
 * the configured trust. The server took part in the handshake correctly as far as it went; what
 * failed is the run's configuration, so a check that accepts a failed handshake (a server feeding
 * injected octets into it) must not count this one as such.
 */
public final class UntrustedCertificateException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public UntrustedCertificateException(String message, Throwable cause) {
        super(message, cause);
    }
}
