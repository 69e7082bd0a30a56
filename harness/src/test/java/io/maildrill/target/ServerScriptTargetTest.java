package io.maildrill.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.net.Endpoint.TlsMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerScriptTargetTest {

    @Test
    void readsTheStartScriptsVariables() {
        Target t = ServerScriptTarget.fromEnvironment("dovecot", Map.of(
                "MAILDRILL_DOVECOT_TARGET", "imap://127.0.0.1:10143,pop3://127.0.0.1:10110",
                "MAILDRILL_DOVECOT_LMTP", "lmtp://127.0.0.1:10024",
                "MAILDRILL_DOVECOT_USERS", "user1,user2,user3,user4",
                "MAILDRILL_TEST_PASSWORD", "pw")).orElseThrow();
        assertThat(t.name()).isEqualTo("dovecot");
        assertThat(t.requireImap().port()).isEqualTo(10143);
        assertThat(t.requirePop3().tls()).isEqualTo(TlsMode.NONE);
        assertThat(t.delivery()).isPresent();
        assertThat(t.accounts()).hasSize(4).allSatisfy(a -> {
            assertThat(a.password()).isEqualTo("pw");
            assertThat(a.testAccount()).isTrue();
        });
    }

    @Test
    void absentWhenTheServerWasNotStarted() {
        assertThat(ServerScriptTarget.fromEnvironment("dovecot", Map.of())).isEmpty();
    }
}
