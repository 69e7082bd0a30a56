package io.maildrill.target;

import io.maildrill.net.TlsSettings;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The target that a {@code servers/NAME/start} script describes in its environment file
 * ({@code MAILDRILL_DOVECOT_TARGET}, {@code _LMTP}, {@code _CERT}, {@code _USERS}), as exported by
 * {@code .ci/run}. Tests use it to run against the real server when CI started one.
 *
 * <p>The password is read from {@code MAILDRILL_TEST_PASSWORD}; the start scripts use the same
 * variable and fall back to the same documented default for their throw-away test accounts.
 */
public final class ServerScriptTarget {

    public static final String PASSWORD_VARIABLE = "MAILDRILL_TEST_PASSWORD";
    /** The start scripts' default password for their loopback-only, throw-away test accounts. */
    static final String DEFAULT_TEST_PASSWORD = "pass";

    private ServerScriptTarget() {
    }

    /** The target of {@code servers/<name>/start} when its variables are set, e.g. {@code dovecot}. */
    public static Optional<Target> fromEnvironment(String name, Map<String, String> env) {
        String prefix = variablePrefix(name);
        String uris = env.get(prefix + "TARGET");
        if (uris == null || uris.isBlank()) {
            return Optional.empty();
        }
        String lmtp = env.get(prefix + "LMTP");
        String spec = name + "=" + uris + (lmtp == null || lmtp.isBlank() ? "" : "," + lmtp);
        String cert = env.get(prefix + "CERT");
        TlsSettings tls = cert == null || cert.isBlank() ? TlsSettings.VERIFY_DEFAULT : TlsSettings.trusting(new File(cert));
        List<String> users = Arrays.asList(env.getOrDefault(prefix + "USERS", "user1,user2,user3").split(","));
        String password = env.getOrDefault(PASSWORD_VARIABLE, DEFAULT_TEST_PASSWORD);
        List<Account> accounts = users.stream().map(u -> new Account(u.trim(), password, true)).toList();
        return Optional.of(TargetUri.parse(spec, tls).withAccounts(accounts));
    }

    /** {@code MAILDRILL_DOVECOT_} for {@code dovecot}: the prefix of every variable of servers/NAME. */
    public static String variablePrefix(String name) {
        return "MAILDRILL_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_";
    }

    public static Optional<Target> dovecot() {
        return fromEnvironment("dovecot", System.getenv());
    }
}
