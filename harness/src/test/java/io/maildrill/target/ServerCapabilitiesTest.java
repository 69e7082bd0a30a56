package io.maildrill.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerCapabilitiesTest {

    @Test
    void capaStandsForAServerThatAnswersCapa() {
        var answering = new ServerCapabilities(Optional.empty(), Optional.of(
                new ServerCapabilities.Protocol("+OK", Set.of("USER", "TOP"), Set.of("TOP"))));
        var silent = new ServerCapabilities(Optional.empty(), Optional.of(
                new ServerCapabilities.Protocol("+OK", Set.of(), Set.of())));
        assertThat(answering.pop3Has("CAPA")).isTrue();
        assertThat(answering.pop3Has("capa")).isTrue();
        assertThat(answering.pop3Has("user")).isTrue();
        assertThat(answering.pop3Has("STLS")).isFalse();
        assertThat(silent.pop3Has("CAPA")).isFalse();
        assertThat(new ServerCapabilities(Optional.empty(), Optional.empty()).pop3Has("CAPA")).isFalse();
    }

    @Test
    void apopStandsForAGreetingWithATimestamp() {
        var apop = new ServerCapabilities(Optional.empty(), Optional.of(
                new ServerCapabilities.Protocol("+OK POP3 Ready <14145.1796303268@vm>", Set.of("USER"), Set.of())));
        var plain = new ServerCapabilities(Optional.empty(), Optional.of(
                new ServerCapabilities.Protocol("+OK Dovecot (Debian) ready.", Set.of("USER"), Set.of())));
        assertThat(apop.pop3Has("APOP")).isTrue();
        assertThat(plain.pop3Has("APOP")).isFalse();
    }

    @Test
    void imapCapabilitiesImpliedByAnAdvertisedOneCount() {
        var qresync = new ServerCapabilities(Optional.of(
                new ServerCapabilities.Protocol("* OK", Set.of("IMAP4rev1"), Set.of("IMAP4rev1", "QRESYNC"))), Optional.empty());
        assertThat(qresync.imapHas("CONDSTORE")).isTrue();
        assertThat(qresync.imapHas("IDLE")).isFalse();
        var cyrusLike = new ServerCapabilities(Optional.of(
                new ServerCapabilities.Protocol("* OK", Set.of("IMAP4rev1", "STARTTLS"), Set.of("IMAP4rev1", "LOGINDISABLED"))), Optional.empty());
        assertThat(cyrusLike.imapHas("LOGINDISABLED")).as("only a pre-login LOGINDISABLED counts").isFalse();
    }
}
