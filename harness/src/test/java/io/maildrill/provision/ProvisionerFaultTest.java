package io.maildrill.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.maildrill.faults.FaultInjectingProxy;
import io.maildrill.faults.ServerFault;
import io.maildrill.target.Account;
import io.maildrill.target.EmbeddedGreenMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server that misbehaves in the middle of a seed: the error says what the server did (its
 * bytes, or that it sent nothing), which server it was, and how many messages the mailbox held
 * afterwards, instead of only "timed out waiting for room in the APPEND window".
 */
class ProvisionerFaultTest {

    private static final int MESSAGES = 300;
    private static final int PASSING_APPENDS = 100;
    private static EmbeddedGreenMail server;

    private static final MessageSource SOURCE = new MessageSource() {
        @Override
        public long count() {
            return MESSAGES;
        }

        @Override
        public byte[] message(long index) {
            return ("From: a@example.test\r\nSubject: m" + index + "\r\nMessage-ID: <" + index + "@fault>\r\n\r\nbody\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
    };

    @BeforeAll
    static void start() {
        server = EmbeddedGreenMail.start(1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(ServerFault.class)
    @Timeout(60)
    void aFaultDuringTheLoadIsToldWithTheServersBytesAndWhatWasStored(ServerFault fault) throws Exception {
        Account account = server.target().account(1);
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(server.target().requireImap(), fault, "APPEND", PASSING_APPENDS)) {
            ImapAppendProvisioner provisioner = new ImapAppendProvisioner(proxy.endpoint(), server.target().tls(), 1,
                    Duration.ofSeconds(1));

            Throwable thrown = catchThrowable(() -> provisioner.fill(account, "INBOX", SOURCE, n -> { }));

            assertThat(thrown).isInstanceOf(ProvisionException.class);
            String message = thrown.getMessage();
            assertThat(message).contains("on " + proxy.endpoint()).contains("greeting: OK");
            if (fault == ServerFault.STALL) {
                assertThat(message).contains("timed out after 1000 ms").containsPattern("the last \\d+\\.\\d s ago");
            } else if (fault == ServerFault.BYE) {
                assertThat(message).contains("connection closed while").contains(fault.quoted());
            } else {
                assertThat(message).contains(fault.quoted());
            }
            assertThat(message).containsPattern("INBOX held \\d+ messages afterwards");
            assertThat(message).doesNotContain(account.password());
        }
    }
}
