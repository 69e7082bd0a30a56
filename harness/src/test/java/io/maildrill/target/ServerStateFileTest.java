package io.maildrill.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerStateFileTest {

    @TempDir
    Path servers;

    private void write(String name, String content) throws Exception {
        Files.createDirectories(servers.resolve(name));
        Files.writeString(servers.resolve(name).resolve("target.env"), content);
    }

    @Test
    void theFileUnderTheServersDirectoryDescribesTheRunningServer() throws Exception {
        write("cyrus", "# written by servers/cyrus/start\nMAILDRILL_CYRUS_TARGET=imap://127.0.0.1:11143,pop3://127.0.0.1:11110\n"
                + "MAILDRILL_CYRUS_USERS=user1,user2,user3\nMAILDRILL_CYRUS_VERSION=3.6.1\n");
        Map<String, String> env = Map.of("MAILDRILL_SERVERS_DIR", servers.toString(), "MAILDRILL_TEST_PASSWORD", "secret",
                "MAILDRILL_CYRUS_TARGET", "imap://127.0.0.1:9");
        ServerStateFile state = ServerStateFile.of("cyrus", env);
        assertThat(state.values().orElseThrow()).containsEntry("MAILDRILL_CYRUS_VERSION", "3.6.1").doesNotContainKey("# written by servers/cyrus/start");
        Target target = state.target(env, "");
        assertThat(target.requireImap().port()).as("the file wins over a stale variable").isEqualTo(11143);
        assertThat(target.accounts()).extracting(Account::user).containsExactly("user1", "user2", "user3");
        assertThat(target.accounts()).allSatisfy(a -> assertThat(a.password()).isEqualTo("secret"));
        assertThat(state.target(env, "user4,user5").accounts()).extracting(Account::user).containsExactly("user4", "user5");
    }

    @Test
    void withoutAFileTheExportedVariablesDescribeItAndWithoutEitherItIsNotRunning() {
        Map<String, String> exported = Map.of("MAILDRILL_SERVERS_DIR", servers.toString(),
                "MAILDRILL_DOVECOT_TARGET", "imap://127.0.0.1:10143");
        ServerStateFile state = ServerStateFile.of("dovecot", exported);
        assertThat(state.values()).isEmpty();
        assertThat(state.target(exported, "").requireImap().port()).isEqualTo(10143);
        assertThat(state.target(exported, "").account(1).password()).as("the start scripts' default").isEqualTo("pass");
        assertThatThrownBy(() -> ServerStateFile.of("dovecot", Map.of("MAILDRILL_SERVERS_DIR", servers.toString()))
                .target(Map.of(), "")).isInstanceOf(TargetException.class)
                .hasMessageContaining("dovecot is not running").hasMessageContaining(servers.resolve("dovecot/target.env").toString());
    }

    @Test
    void aServersOwnDirectoryVariableWins() {
        Path elsewhere = servers.resolve("elsewhere");
        ServerStateFile state = ServerStateFile.of("james", Map.of("MAILDRILL_SERVERS_DIR", servers.toString(),
                "MAILDRILL_JAMES_DIR", elsewhere.toString()));
        assertThat(state.path()).isEqualTo(elsewhere.resolve("target.env"));
    }
}
