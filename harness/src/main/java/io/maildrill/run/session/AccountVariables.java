package io.maildrill.run.session;

import io.maildrill.run.match.Value;
import io.maildrill.target.Account;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Values of the {@link io.maildrill.script.ast.BuiltInVariables} for a session's account. The
 * secret ones are shown as {@code <redacted>}, and masked in transcripts by the credentials the
 * session registers with its redactor before sending them.
 */
final class AccountVariables {

    private AccountVariables() {
    }

    static Optional<Value> value(String name, Account account) {
        return switch (name) {
            case "user" -> Optional.of(Value.text(account.user()));
            case "password" -> Optional.of(Value.text(account.password()));
            case "sasl_plain" -> Optional.of(Value.text(base64("\0" + account.user() + "\0" + account.password())));
            case "user_base64" -> Optional.of(Value.text(base64(account.user())));
            case "password_base64" -> Optional.of(Value.text(base64(account.password())));
            default -> Optional.empty();
        };
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
