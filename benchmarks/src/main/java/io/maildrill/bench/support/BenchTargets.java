package io.maildrill.bench.support;

import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapSession;
import io.maildrill.net.TlsSettings;
import io.maildrill.target.CapabilityDiscovery;
import io.maildrill.target.Credentials;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.ServerStateFile;
import io.maildrill.target.Target;
import io.maildrill.target.TargetUri;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns the benchmarks' {@code target} parameter into a {@link BenchServer}:
 * <ul>
 *   <li>{@code embedded}: a GreenMail started inside this JVM (once; it lives until the JVM exits,
 *       which for a JMH fork is the end of the trial);</li>
 *   <li>a server name such as {@code dovecot} or {@code cyrus}: the server {@code servers/<name>/start}
 *       runs, as its {@code target.env} describes it ({@link ServerStateFile}); accounts user4 and
 *       user5 unless {@value BenchProperties#USERS} says otherwise (user1..user3 are what other
 *       test runs use);</li>
 *   <li>anything else: a target URI as {@code --target} takes it, with the password from the
 *       environment variable named by {@value BenchProperties#PASSWORD_ENV}.</li>
 * </ul>
 */
public final class BenchTargets {

    public static final String EMBEDDED = "embedded";
    private static final Pattern SERVER_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final List<String> LOCAL_SERVER_USERS = List.of("user4", "user5");

    private static final Map<String, String> NAMESPACES = new ConcurrentHashMap<>();
    private static EmbeddedGreenMail embedded;

    private BenchTargets() {
    }

    public static synchronized BenchServer resolve(String spec) {
        if (EMBEDDED.equals(spec)) {
            if (embedded == null) {
                embedded = EmbeddedGreenMail.start(2);
            }
            return new BenchServer(embedded.target(), Optional.of(embedded), "");
        }
        if (isServerName(spec)) {
            return withNamespace(spec, ServerStateFile.of(spec, System.getenv())
                    .target(System.getenv(), String.join(",", users().orElse(LOCAL_SERVER_USERS))));
        }
        Target target = TargetUri.parse(spec, tls());
        List<String> users = users().orElse(List.of("user1", "user2"));
        String variable = System.getProperty(BenchProperties.PASSWORD_ENV, "MAILDRILL_PASSWORD");
        boolean testAccounts = Boolean.getBoolean(BenchProperties.TEST_ACCOUNTS);
        return withNamespace(spec, target.withAccounts(Credentials.fromEnvironment(users, variable, System.getenv(), testAccounts)));
    }

    /** The server with its personal namespace, asked once per JVM and target (one login, NAMESPACE). */
    private static BenchServer withNamespace(String spec, Target target) {
        String namespace = NAMESPACES.computeIfAbsent(spec, s -> target.imap().map(endpoint -> {
            try (ImapSession session = ImapSession.connect(endpoint, target.tls(), Sessions.silentTranscript("bench-namespace"),
                    BenchServer.TIMEOUT)) {
                ImapCompletion login = session.login(target.account(1).user(), target.account(1).password());
                if (!login.ok()) {
                    throw new IllegalStateException("IMAP login as " + target.account(1).user() + " refused: " + login.tagged().text());
                }
                return CapabilityDiscovery.personalNamespace(session, session.capability());
            }
        }).orElse(""));
        return new BenchServer(target, Optional.empty(), namespace);
    }

    /** Stops the embedded GreenMail, for in-process runs (tests) that outlive the benchmark. */
    public static synchronized void stopEmbedded() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    /** Whether {@code spec} names a server of {@code servers/} ({@code dovecot}) rather than a target URI. */
    public static boolean isServerName(String spec) {
        return !EMBEDDED.equals(spec) && SERVER_NAME.matcher(spec).matches();
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
