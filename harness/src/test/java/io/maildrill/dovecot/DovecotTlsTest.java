package io.maildrill.dovecot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.maildrill.imap.ImapSession;
import io.maildrill.imap.StartTlsResult;
import io.maildrill.net.Endpoint;
import io.maildrill.net.ProtocolException;
import io.maildrill.net.TlsSettings;
import io.maildrill.pop3.Pop3Session;
import io.maildrill.target.Account;
import io.maildrill.target.ServerScriptTarget;
import io.maildrill.target.Target;
import io.maildrill.target.TargetUri;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.Transcript;
import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real TLS against Dovecot's self-signed certificate: implicit TLS and STARTTLS/STLS succeed
 * when the certificate is trusted with --trust, and fail when it is not (verification is on by
 * default). Skipped when CI did not start Dovecot.
 */
class DovecotTlsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private Target plain;
    private TlsSettings trusted;
    private Account account;

    @BeforeEach
    void dovecot() {
        plain = ServerScriptTarget.dovecot().orElse(null);
        assumeTrue(plain != null && System.getenv("MAILDRILL_DOVECOT_IMAPS") != null,
                "Dovecot (with its TLS endpoints) not started: servers/dovecot/start");
        trusted = TlsSettings.trusting(new File(System.getenv("MAILDRILL_DOVECOT_CERT")));
        account = plain.account(1);
    }

    @Test
    void implicitTlsWithTrustedCertificateLogsIn() {
        Endpoint imaps = TargetUri.parse(System.getenv("MAILDRILL_DOVECOT_IMAPS"), trusted).requireImap();
        try (ImapSession session = ImapSession.connect(imaps, trusted, transcript(), TIMEOUT)) {
            assertThat(session.login(account.user(), account.password()).ok()).isTrue();
        }
        Endpoint pop3s = TargetUri.parse(System.getenv("MAILDRILL_DOVECOT_POP3S"), trusted).requirePop3();
        try (Pop3Session session = Pop3Session.connect(pop3s, trusted, transcript(), TIMEOUT)) {
            assertThat(session.login(account.user(), account.password()).isOk()).isTrue();
        }
    }

    @Test
    void untrustedCertificateIsRefusedByDefault() {
        Endpoint imaps = TargetUri.parse(System.getenv("MAILDRILL_DOVECOT_IMAPS"), TlsSettings.VERIFY_DEFAULT).requireImap();
        assertThatThrownBy(() -> ImapSession.connect(imaps, TlsSettings.VERIFY_DEFAULT, transcript(), TIMEOUT).close())
                .isInstanceOf(ProtocolException.class).hasMessageContaining("TLS")
                .hasMessageContaining("--trust FILE.pem").hasMessageContaining("--insecure");
    }

    @Test
    void startTlsAndStlsUpgradeThePlainPorts() {
        try (ImapSession session = ImapSession.connect(plain.requireImap(), trusted, transcript(), TIMEOUT)) {
            StartTlsResult result = session.startTls();
            assertThat(result.upgraded()).as("STARTTLS upgraded: %s", result).isTrue();
            assertThat(result.injectionFinding()).isEmpty();
            assertThat(session.login(account.user(), account.password()).ok()).isTrue();
        }
        try (Pop3Session session = Pop3Session.connect(plain.requirePop3(), trusted, transcript(), TIMEOUT)) {
            assertThat(session.stls().isOk()).isTrue();
            assertThat(session.login(account.user(), account.password()).isOk()).isTrue();
        }
    }

    private static Transcript transcript() {
        return new Transcript("tls", new CredentialRedactor());
    }
}
