package io.maildrill.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path dir;

    @Test
    void environmentPasswordIsSharedByTheNamedUsers() {
        List<Account> accounts = Credentials.fromEnvironment(List.of("user1", "user2"), "PW", Map.of("PW", "p w"), true);
        assertThat(accounts).extracting(Account::user).containsExactly("user1", "user2");
        assertThat(accounts).allSatisfy(a -> assertThat(a.password()).isEqualTo("p w"));
    }

    @Test
    void missingEnvironmentVariableIsNamedButNoSecretIsShown() {
        assertThatThrownBy(() -> Credentials.fromEnvironment(List.of("user1"), "NOPE", Map.of(), true))
                .hasMessageContaining("NOPE").hasMessageContaining("user1");
    }

    @Test
    void fileWithUserPasswordLinesKeepsColonsInPasswords() throws Exception {
        Path file = dir.resolve("creds");
        Files.writeString(file, "# test accounts\nalice:a:b\n\nbob:secret\n");
        List<Account> accounts = Credentials.fromFile(file, List.of(), false);
        assertThat(accounts).containsExactly(new Account("alice", "a:b", false), new Account("bob", "secret", false));
    }

    @Test
    void badLineIsReportedByNumberWithoutQuotingIt() throws Exception {
        Path file = dir.resolve("creds");
        Files.writeString(file, "alice:x\nhunter2-no-colon\nbob:y\n");
        assertThatThrownBy(() -> Credentials.fromFile(file, List.of(), false))
                .hasMessageContaining("line 2").hasMessageNotContaining("hunter2");
    }

    @Test
    void barePasswordFileNeedsUsers() throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "onlypassword\n");
        assertThat(Credentials.fromFile(file, List.of("u1"), true)).containsExactly(new Account("u1", "onlypassword", true));
        assertThatThrownBy(() -> Credentials.fromFile(file, List.of(), true)).hasMessageContaining("--user");
    }
}
