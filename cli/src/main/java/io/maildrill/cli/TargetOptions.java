package io.maildrill.cli;

import io.maildrill.net.TlsSettings;
import io.maildrill.target.Account;
import io.maildrill.target.Credentials;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.Target;
import io.maildrill.target.TargetException;
import io.maildrill.target.TargetUri;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to a server shares: the target, its accounts and how
 * their passwords are found, and how TLS certificates are checked. With no {@code --target},
 * the embedded GreenMail is started and its generated test accounts are used.
 */
public final class TargetOptions {

    @Option(names = "--target", paramLabel = "URI",
            description = "Server under test, e.g. imap://127.0.0.1:10143,pop3://127.0.0.1:10110 "
                    + "(imaps://, pop3s://, ?starttls, ?stls, lmtp:// for delivery; NAME=... names it). "
                    + "Default: an embedded GreenMail on free loopback ports.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--user", paramLabel = "NAME",
            description = "Account to use (repeatable; multi-session checks use the first ones). Default: user1, user2, user3.")
    List<String> users = new ArrayList<>();

    @Option(names = "--password-env", paramLabel = "VAR", defaultValue = "MAILDRILL_PASSWORD",
            description = "Environment variable holding the password of the --user accounts (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File with user:password lines, or one password shared by the --user accounts.")
    File passwordFile;

    @Option(names = "--test-accounts",
            description = "Declare the accounts disposable: destructive checks (DELE+QUIT, EXPUNGE, --clear) may run on them.")
    boolean testAccounts;

    @Option(names = "--trust", paramLabel = "FILE.pem", description = "Trust this certificate (or CA) for TLS.")
    File trustPem;

    @Option(names = "--insecure", description = "Do not verify TLS certificates at all.")
    boolean insecure;

    private static final List<String> DEFAULT_USERS = List.of("user1", "user2", "user3");

    public TlsSettings tls() {
        if (insecure && trustPem != null) {
            throw new TargetException("--insecure and --trust contradict each other; give one");
        }
        if (trustPem != null && !trustPem.canRead()) {
            throw new TargetException("--trust " + trustPem + ": file not readable");
        }
        try {
            return insecure ? TlsSettings.insecureSettings()
                    : trustPem != null ? TlsSettings.trusting(trustPem) : TlsSettings.VERIFY_DEFAULT;
        } catch (IllegalArgumentException e) {
            throw new TargetException("--trust: " + e.getMessage());
        }
    }

    public int targetCount() {
        return targets.size();
    }

    public boolean hasTargets() {
        return !targets.isEmpty();
    }

    /** Parses every --target and attaches the accounts. */
    public List<Target> resolveTargets(Map<String, String> env) {
        TlsSettings tls = tls();
        List<String> names = users.isEmpty() ? DEFAULT_USERS : users;
        List<Target> resolved = new ArrayList<>();
        for (String spec : targets) {
            Target target = TargetUri.parse(spec, tls);
            List<Account> accounts = passwordFile != null
                    ? Credentials.fromFile(passwordFile.toPath(), users, testAccounts)
                    : Credentials.fromEnvironment(names, passwordEnv, env, testAccounts);
            resolved.add(target.withAccounts(accounts));
        }
        return resolved;
    }

    /** Starts the embedded default when no target was given. The caller closes it. */
    public Optional<EmbeddedGreenMail> startEmbeddedIfNoTarget(int users) {
        return hasTargets() ? Optional.empty() : Optional.of(EmbeddedGreenMail.start(users));
    }
}
