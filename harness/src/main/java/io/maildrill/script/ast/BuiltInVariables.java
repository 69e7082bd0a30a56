package io.maildrill.script.ast;

import java.util.Set;

/**
 * Variables every session has without a capture or {@code set}: its account's {@code $user} and
 * {@code $password}, and the password's SASL forms {@code $sasl_plain} (RFC 4616 PLAIN: base64 of
 * NUL user NUL password), {@code $user_base64} and {@code $password_base64} (the LOGIN mechanism's
 * answers), and in POP3 sessions {@code $apop_digest} (RFC 1939 §7: lower-case hex MD5 of this
 * connection's greeting timestamp followed by the password). All but {@code $user} and
 * {@code $user_base64} reveal the password and are never shown.
 */
public final class BuiltInVariables {

    public static final Set<String> NAMES = Set.of("user", "password", "sasl_plain", "user_base64", "password_base64",
            "apop_digest");

    private BuiltInVariables() {
    }

    /** Whether the variable's value reveals the password ({@code $user} and {@code $user_base64} do not). */
    public static boolean secret(String name) {
        return NAMES.contains(name) && !name.equals("user") && !name.equals("user_base64");
    }
}
