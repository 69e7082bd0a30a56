package io.maildrill.pop3;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildrill.faults.FakeMailServer;
import io.maildrill.net.TlsSettings;
import io.maildrill.target.Account;
import io.maildrill.target.CapabilityDiscovery;
import io.maildrill.target.Target;
import io.maildrill.target.TargetException;
import io.maildrill.target.TargetUri;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A server that quotes the credentials back in its refusal does not get them printed. */
class DiscoveryEchoTest {

    private static final String PASSWORD = "hunter2-secret";

    @Test
    void aRefusalThatEchoesThePasswordIsReportedMasked() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> {
            client.send("+OK ready\r\n");
            String line;
            String user = "";
            while ((line = client.readLine()) != null) {
                if (line.startsWith("USER ")) {
                    user = line.substring(5);
                    client.send("+OK\r\n");
                } else if (line.startsWith("PASS ")) {
                    client.send("-ERR invalid credentials " + user + "/" + line.substring(5) + "\r\n");
                } else {
                    client.send("-ERR unknown\r\n");
                }
            }
        })) {
            Target target = TargetUri.parse("pop3://127.0.0.1:" + server.port(), TlsSettings.VERIFY_DEFAULT)
                    .withAccounts(List.of(new Account("user1", PASSWORD, true)));
            assertThatThrownBy(() -> CapabilityDiscovery.discover(target, Duration.ofSeconds(5)))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("invalid credentials user1/<redacted>")
                    .hasMessageNotContaining(PASSWORD);
        }
    }
}
