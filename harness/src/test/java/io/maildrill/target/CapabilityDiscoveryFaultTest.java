package io.maildrill.target;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildrill.faults.FakeMailServer;
import io.maildrill.faults.FaultInjectingProxy;
import io.maildrill.faults.ServerFault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Discovery against servers that go wrong at different moments: each is told as what it was. */
class CapabilityDiscoveryFaultTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    @Timeout(30)
    void aByeAfterTheGreetingIsNotCalledUnreachableAndIsQuoted() throws Exception {
        try (EmbeddedGreenMail server = EmbeddedGreenMail.start(1);
             FaultInjectingProxy proxy = new FaultInjectingProxy(server.target().requireImap(), ServerFault.BYE, "CAPABILITY", 0)) {
            Target faulty = proxy.imapTarget(server.target());
            assertThatThrownBy(() -> CapabilityDiscovery.discover(faulty, faulty.account(1), TIMEOUT))
                    .isInstanceOf(TargetException.class)
                    .hasMessageStartingWith("IMAP at " + proxy.endpoint() + " was reached, but its answer to CAPABILITY failed: "
                            + "connection closed while waiting for the tagged response to CAPABILITY; the server sent ")
                    .hasMessageContaining("its last line: \"* BYE shutting down for maintenance\\r\\n\"");
        }
    }

    @Test
    @Timeout(30)
    void aServerThatNeverGreetsIsToldAsSuch() throws Exception {
        try (FakeMailServer silent = FakeMailServer.silent()) {
            Target target = TargetUri.parse("imap://127.0.0.1:" + silent.port(), io.maildrill.net.TlsSettings.VERIFY_DEFAULT)
                    .withAccounts(List.of(new Account("user1", "unused", true)));
            assertThatThrownBy(() -> CapabilityDiscovery.discover(target, target.account(1), TIMEOUT))
                    .isInstanceOf(TargetException.class)
                    .hasMessageStartingWith("cannot reach IMAP at 127.0.0.1:" + silent.port() + ": timed out after 1000 ms"
                            + " waiting for the greeting from 127.0.0.1:" + silent.port() + "; the server sent nothing")
                    .hasMessageMatching(".*nothing on this connection in 1\\.\\d s");
        }
    }
}
