package io.maildrill.net;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * How server certificates are checked. Verification is on by default (the JDK trust store);
 * {@code --trust FILE.pem} adds a private CA or self-signed certificate; {@code --insecure}
 * turns verification off and must be asked for explicitly.
 */
public record TlsSettings(Optional<File> trustPem, boolean insecure) {

    public static final TlsSettings VERIFY_DEFAULT = new TlsSettings(Optional.empty(), false);

    /**
     * Trusts the certificates in {@code pem}, read now so that a wrong file is named before any
     * connection, not as a failed handshake.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no X.509 certificate
     */
    public static TlsSettings trusting(File pem) {
        try (InputStream in = Files.newInputStream(pem.toPath())) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw new IllegalArgumentException(pem + " holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----)");
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException(pem + " is not a PEM or DER certificate file ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + pem + ": " + e, e);
        }
        return new TlsSettings(Optional.of(pem), false);
    }

    public static TlsSettings insecureSettings() {
        return new TlsSettings(Optional.empty(), true);
    }

    public SslContext clientContext() {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient();
            if (insecure) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (trustPem.isPresent()) {
                builder.trustManager(trustPem.get());
            }
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new ProtocolException("cannot set up TLS" + trustPem.map(f -> " with trust file " + f).orElse("")
                    + ": " + e.getMessage(), e);
        }
    }
}
