package io.maildrill.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildrill.faults.LiteralPlusDroppingProxy;
import io.maildrill.target.Account;
import io.maildrill.target.EmbeddedGreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProvisionerGreenMailTest {

    private EmbeddedGreenMail server;

    /** Small messages, one with a line starting with '.', to exercise SMTP dot-stuffing. */
    private static final MessageSource SOURCE = new MessageSource() {
        @Override
        public long count() {
            return 25;
        }

        @Override
        public byte[] message(long index) {
            return ("From: a@example.test\r\nTo: user1@localhost\r\nSubject: m" + index
                    + "\r\nMessage-ID: <" + index + "@t>\r\n\r\nline\r\n.dot line " + index + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
    };

    @BeforeEach
    void start() {
        server = EmbeddedGreenMail.start(2);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void smtpDeliveryOverSeveralConnectionsStoresEveryMessageWithDotLinesIntact() throws Exception {
        Account user1 = server.target().account(1);
        AtomicLong progressed = new AtomicLong();
        ProvisionResult result = DeliveryProvisioner.smtp(server.target().delivery().orElseThrow().endpoint(), 3,
                Duration.ofSeconds(10)).fill(user1, "INBOX", SOURCE, progressed::addAndGet);

        assertThat(result.messages()).isEqualTo(25);
        assertThat(progressed).hasValue(25);
        MimeMessage[] received = server.greenMail().getReceivedMessages();
        assertThat(received).hasSize(25);
        assertThat(received).extracting(MimeMessage::getSubject).contains("m0", "m24");
        assertThat(received[0].getContent().toString()).contains("\n.dot line ").doesNotContain("..dot");
    }

    @Test
    void deliveryRefusesMailboxesOtherThanInbox() {
        assertThatThrownBy(() -> DeliveryProvisioner.smtp(server.target().delivery().orElseThrow().endpoint(), 1,
                Duration.ofSeconds(5)).fill(server.target().account(1), "Archive", SOURCE, ProvisionProgress.NONE))
                .hasMessageContaining("only fill INBOX");
    }

    @Test
    void embeddedApiFillsANamedMailboxInOrder() {
        Account user2 = server.target().account(2);
        ProvisionResult result = new EmbeddedProvisioner(server.greenMail()).fill(user2, "Fixture-1", SOURCE,
                ProvisionProgress.NONE);
        assertThat(result.messages()).isEqualTo(25);
        var folder = server.greenMail().getManagers().getImapHostManager()
                .getFolder(server.greenMail().getUserManager().getUser("user2"), "Fixture-1");
        assertThat(folder.getMessageCount()).isEqualTo(25);
    }

    @Test
    void aServerThatDropsPipelinedAppendsStillGetsItsMailboxOneAppendAtATime() throws Exception {
        try (LiteralPlusDroppingProxy proxy = new LiteralPlusDroppingProxy(server.target())) {
            Account user1 = server.target().account(1);
            ProvisionResult result = new ImapAppendProvisioner(proxy.target().requireImap(), proxy.target().tls(), 2,
                    Duration.ofSeconds(10)).fill(user1, "Archive", SOURCE, ProvisionProgress.NONE);
            assertThat(result.messages()).isEqualTo(25);
            assertThat(result.method()).startsWith("IMAP APPEND, one at a time (the pipelined load failed: ");
            assertThat(server.greenMail().getManagers().getImapHostManager()
                    .getFolder(server.greenMail().getUserManager().getUser(user1.user()), "Archive").getMessageCount())
                    .as("exactly the source, nothing doubled by the dropped attempt").isEqualTo(25);
        }
    }
}
