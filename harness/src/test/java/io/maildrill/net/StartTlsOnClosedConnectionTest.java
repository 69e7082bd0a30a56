package io.maildrill.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildrill.faults.FakeMailServer;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.Transcript;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server may close the connection right after its STARTTLS/STLS answer (some do, refusing an
 * injection attempt). The TLS upgrade then has nothing to shake hands with and must say so at
 * once, not wait out the whole bound: a handler added to a closed channel never hears of the
 * close. A fake server, because the moment of the close is what the test needs to control.
 */
class StartTlsOnClosedConnectionTest {

    @Test
    @Timeout(20)
    void aConnectionClosedBeforeTheUpgradeEndsTheHandshakeAtOnce() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(FakeMailServer.Client::hangUp)) {
            Endpoint endpoint = server.endpoint();
            Channel channel = ClientConnector.connect(endpoint, TlsSettings.insecureSettings(), new Transcript("test", new CredentialRedactor()),
                    Duration.ofSeconds(5), pipeline -> { });
            assertThat(channel.closeFuture().await(5, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();

            assertThatThrownBy(() -> ClientConnector.startTls(channel, endpoint, TlsSettings.insecureSettings(), new Transcript("test", new CredentialRedactor()),
                    Duration.ofSeconds(10)))
                    .isInstanceOf(ProtocolException.class).isNotInstanceOf(ResponseTimeoutException.class)
                    .hasMessageContaining("the server closed the connection");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
