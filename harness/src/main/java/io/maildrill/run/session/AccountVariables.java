package io.maildrill.run.session;

import io.maildrill.net.SaslPlain;
import io.maildrill.run.match.Value;
import io.maildrill.script.ast.BuiltInVariables;
import io.maildrill.target.Account;
import io.maildrill.transcript.CredentialRedactor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Values of the {@link BuiltInVariables} for a session's account, and the lookup both script
 * sessions use for {@code $name}. The secret ones are shown as {@code <redacted>}, and masked in
 * transcripts by the credentials registered with the session's redactor before they are sent.
 */
final class AccountVariables {

    private AccountVariables() {
    }

    /** A built-in of the session's account, else the script's variable; secrets register the credentials first. */
    static Optional<Value> lookup(String name, SessionEnv env, CredentialRedactor redactor) {
        if (BuiltInVariables.secret(name)) {
            redactor.addCredentials(env.account().user(), env.account().password());
        }
        return value(name, env.account()).or(() -> env.bindings().get(name));
    }

    static Optional<Value> value(String name, Account account) {
        return switch (name) {
            case "user" -> Optional.of(Value.text(account.user()));
            case "password" -> Optional.of(Value.text(account.password()));
            case "sasl_plain" -> Optional.of(Value.text(SaslPlain.response(account.user(), account.password())));
            case "user_base64" -> Optional.of(Value.text(base64(account.user())));
            case "password_base64" -> Optional.of(Value.text(base64(account.password())));
            default -> Optional.empty();
        };
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
