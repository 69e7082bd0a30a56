package io.maildrill.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aShortPasswordIsMaskedAsAValueButNotInsideWords() {
        SecretMask mask = new SecretMask().addCredentials("user1", "pass");
        assertThat(mask.apply("NO invalid credentials user1/pass")).isEqualTo("NO invalid credentials user1/<redacted>");
        assertThat(mask.apply("PASS pass\r\n")).isEqualTo("PASS <redacted>\r\n");
        assertThat(mask.apply("3 passed, password prompts, bypass")).isEqualTo("3 passed, password prompts, bypass");
    }

    @Test
    void everyWireFormIsMaskedWhole() {
        String password = "s3cr\"et\\x";
        SecretMask mask = new SecretMask().addCredentials("user1", password);
        assertThat(mask.apply("a LOGIN user1 \"s3cr\\\"et\\\\x\"")).isEqualTo("a LOGIN user1 \"<redacted>\"");
        assertThat(mask.apply("AUTH PLAIN " + b64("\0user1\0" + password))).isEqualTo("AUTH PLAIN <redacted>");
        assertThat(mask.apply(b64("user1\0user1\0" + password) + "\r\n")).isEqualTo("<redacted>\r\n");
        assertThat(mask.apply("+ " + b64(password))).isEqualTo("+ <redacted>");
        assertThat(mask.apply("{9}\r\n" + password)).isEqualTo("{9}\r\n<redacted>");
    }

    @Test
    void withoutSecretsNothingChanges() {
        assertThat(new SecretMask().addSecret("").addSecret(null).isEmpty()).isTrue();
        assertThat(new SecretMask().apply("PASS x")).isEqualTo("PASS x");
    }
}
