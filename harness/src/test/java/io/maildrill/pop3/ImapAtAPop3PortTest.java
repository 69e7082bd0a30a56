package io.maildrill.pop3;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildrill.faults.FakeMailServer;
import io.maildrill.imap.ImapSession;
import io.maildrill.net.Endpoint;
import io.maildrill.net.ProtocolException;
import io.maildrill.net.TlsSettings;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.Transcript;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** IMAP pointed at a POP3 port is told at once, with what arrived, not after the whole timeout. */
class ImapAtAPop3PortTest {

    @Test
    @Timeout(10)
    void aPop3GreetingIsQuotedAndNamed() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> {
            client.send("+OK Dovecot ready.\r\n");
            client.stayQuiet();
        })) {
            assertThatThrownBy(() -> ImapSession.connect(Endpoint.plain("127.0.0.1", server.port()), TlsSettings.VERIFY_DEFAULT,
                    new Transcript("t", new CredentialRedactor()), Duration.ofSeconds(30)))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("no IMAP greeting")
                    .hasMessageContaining("OK Dovecot ready.")
                    .hasMessageContaining("is this the POP3 port?");
        }
    }
}
