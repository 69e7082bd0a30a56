package io.maildrill.pop3;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        try (ScriptedServer server = new ScriptedServer((in, out) -> {
            ScriptedServer.write(out, "+OK ready\r\n");
            String line;
            String user = "";
            while ((line = in.readLine()) != null) {
                if (line.startsWith("USER ")) {
                    user = line.substring(5);
                    ScriptedServer.write(out, "+OK\r\n");
                } else if (line.startsWith("PASS ")) {
                    ScriptedServer.write(out, "-ERR invalid credentials " + user + "/" + line.substring(5) + "\r\n");
                } else {
                    ScriptedServer.write(out, "-ERR unknown\r\n");
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
