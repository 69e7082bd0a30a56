package io.maildrill.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aTrustFileThatIsNotACertificateIsNamedBeforeAnyConnection() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
        assertThatThrownBy(() -> TlsSettings.trusting(text.toFile())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(text + " ").hasMessageNotContaining("null");
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        assertThatThrownBy(() -> TlsSettings.trusting(key.toFile())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TlsSettings.trusting(new File(dir.toFile(), "missing.pem")))
                .hasMessageStartingWith("cannot read ");
    }

    @Test
    void aServersCertificateIsAccepted() {
        String cert = System.getenv("MAILDRILL_DOVECOT_CERT");
        org.junit.jupiter.api.Assumptions.assumeTrue(cert != null, "MAILDRILL_DOVECOT_CERT not set: dovecot not started");
        assertThat(TlsSettings.trusting(new File(cert)).clientContext()).isNotNull();
    }
}
