package io.maildrill.net;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * How server certificates are checked. Verification is on by default (the JDK trust store);
 * {@code --trust FILE.pem} adds a private CA or self-signed certificate; {@code --insecure}
 * turns verification off and must be asked for explicitly.
 */
public record TlsSettings(Optional<File> trustPem, boolean insecure) {

    public static final TlsSettings VERIFY_DEFAULT = new TlsSettings(Optional.empty(), false);

    public static TlsSettings trusting(File pem) {
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
