package io.maildrill.bench.support;

import io.maildrill.net.TlsSettings;
import io.maildrill.target.Credentials;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.ServerScriptTarget;
import io.maildrill.target.Target;
import io.maildrill.target.TargetException;
import io.maildrill.target.TargetUri;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the benchmarks' {@code target} parameter into a {@link BenchServer}:
 * <ul>
 *   <li>{@code embedded}: a GreenMail started inside this JVM (once; it lives until the JVM exits,
 *       which for a JMH fork is the end of the trial);</li>
 *   <li>{@code dovecot}: the server {@code servers/dovecot/start} runs, read from the environment
 *       or, failing that, from {@value #DOVECOT_ENV_FILE}; accounts user4 and user5 unless
 *       {@value BenchProperties#USERS} says otherwise (user1..user3 are what other test runs use);</li>
 *   <li>anything else: a target URI as {@code --target} takes it, with the password from the
 *       environment variable named by {@value BenchProperties#PASSWORD_ENV}.</li>
 * </ul>
 */
public final class BenchTargets {

    public static final String EMBEDDED = "embedded";
    public static final String DOVECOT = "dovecot";
    static final String DOVECOT_ENV_FILE = "/tmp/maildrill-servers/dovecot/target.env";
    private static final List<String> DOVECOT_USERS = List.of("user4", "user5");

    private static EmbeddedGreenMail embedded;

    private BenchTargets() {
    }

    public static synchronized BenchServer resolve(String spec) {
        if (EMBEDDED.equals(spec)) {
            if (embedded == null) {
                embedded = EmbeddedGreenMail.start(2);
            }
            return new BenchServer(embedded.target(), Optional.of(embedded));
        }
        if (DOVECOT.equals(spec)) {
            return new BenchServer(dovecot(), Optional.empty());
        }
        Target target = TargetUri.parse(spec, tls());
        List<String> users = users().orElse(List.of("user1", "user2"));
        String variable = System.getProperty(BenchProperties.PASSWORD_ENV, "MAILDRILL_PASSWORD");
        boolean testAccounts = Boolean.getBoolean(BenchProperties.TEST_ACCOUNTS);
        return new BenchServer(target.withAccounts(Credentials.fromEnvironment(users, variable, System.getenv(), testAccounts)),
                Optional.empty());
    }

    /** Stops the embedded GreenMail, for in-process runs (tests) that outlive the benchmark. */
    public static synchronized void stopEmbedded() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    private static Target dovecot() {
        Map<String, String> env = new HashMap<>();
        Path file = Path.of(DOVECOT_ENV_FILE);
        if (Files.isReadable(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                    }
                }
            } catch (IOException e) {
                throw new TargetException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        env.putAll(System.getenv());
        env.put("MAILDRILL_DOVECOT_USERS", String.join(",", users().orElse(DOVECOT_USERS)));
        return ServerScriptTarget.fromEnvironment(DOVECOT, env).orElseThrow(() -> new TargetException(
                "dovecot is not running: start it with servers/dovecot/start (no " + DOVECOT_ENV_FILE + ")"));
    }

    private static Optional<List<String>> users() {
        String value = System.getProperty(BenchProperties.USERS, "").trim();
        return value.isEmpty() ? Optional.empty()
                : Optional.of(Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    private static TlsSettings tls() {
        String trust = System.getProperty(BenchProperties.TRUST, "");
        if (Boolean.getBoolean(BenchProperties.INSECURE)) {
            return TlsSettings.insecureSettings();
        }
        return trust.isBlank() ? TlsSettings.VERIFY_DEFAULT : TlsSettings.trusting(new File(trust));
    }
}
