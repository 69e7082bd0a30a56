package io.maildrill.junit;

import io.maildrill.net.TlsSettings;
import io.maildrill.run.ExecutorOptions;
import io.maildrill.run.Expectations;
import io.maildrill.run.ParsedScript;
import io.maildrill.script.ast.Level;
import io.maildrill.suites.BundledExpectations;
import io.maildrill.target.Account;
import io.maildrill.target.CapabilityDiscovery;
import io.maildrill.target.Target;
import io.maildrill.target.TargetUri;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * maildrill's conformance suites inside a server developer's own JUnit 5 run, against the server
 * their test started in-process. Each script becomes a dynamic test, grouped by promise
 * (deletion, synchronisation, headers-only fetch, ...), whose source is the script file and the
 * failing line; a known deviation from the expectations file is an aborted test with its reason,
 * a new failure a failed test with the whole failure text.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> conformance() {
 *     return MaildrillConformance.target("myserver=imap://127.0.0.1:" + imapPort + ",pop3://127.0.0.1:" + pop3Port)
 *             .testAccount("user1", password).testAccount("user2", password).testAccount("user3", password)
 *             .suites("imap/deletion/**", "pop3/**")
 *             .expectations(Path.of("src/test/resources/maildrill-expectations.txt"))
 *             .tests();
 * }
 * }</pre>
 *
 * The target is written as {@code maildrill check --target} takes it ({@code imaps://},
 * {@code ?starttls}, {@code pop3://…?stls}, {@code smtp://} or {@code lmtp://} for delivery); the
 * name before {@code =} picks the bundled expectations when no file is given. Only loopback
 * addresses are ever connected to. Passwords are used to log in and never appear in a test's
 * name, message or output.
 */
public final class MaildrillConformance {

    /** Three accounts per parallel script: the most any bundled script uses at once. */
    private static final int ACCOUNTS_PER_JOB = 3;

    private final Target target;
    private final List<Account> accounts = new ArrayList<>();
    private final List<String> suites = new ArrayList<>();
    private final List<String> covers = new ArrayList<>();
    private final Set<Level> levels = EnumSet.noneOf(Level.class);
    private Optional<Path> scriptDirectory = Optional.empty();
    private Optional<Expectations> expectations = Optional.empty();
    private TlsSettings tls;
    private int jobs;
    private Duration timeout = Duration.ofSeconds(10);
    private Duration runTimeout = Duration.ofMinutes(15);
    private boolean failWhenFixed;

    private MaildrillConformance(Target target) {
        this.target = target;
        this.tls = target.tls();
        this.accounts.addAll(target.accounts());
    }

    /**
     * The server under test, as a target URI: {@code name=imap://127.0.0.1:3143,pop3://127.0.0.1:3110}.
     *
     * @throws IllegalArgumentException when the text is not a target (what and where is in the message)
     */
    public static MaildrillConformance target(String targetUri) {
        Objects.requireNonNull(targetUri, "targetUri");
        try {
            return new MaildrillConformance(TargetUri.parse(targetUri, TlsSettings.VERIFY_DEFAULT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The server under test as maildrill's own {@link Target}, its accounts included. */
    public static MaildrillConformance target(Target target) {
        return new MaildrillConformance(Objects.requireNonNull(target, "target"));
    }

    /**
     * A disposable account: scripts that load fixtures, delete or expunge run on it. Most scripts
     * need such accounts; give three so that the scripts with three sessions run too.
     */
    public MaildrillConformance testAccount(String user, String password) {
        accounts.add(new Account(user, password, true));
        return this;
    }

    /**
     * An account whose mail must stay as it is: with one such account in the target, every script
     * that changes mailboxes is skipped (with that reason) and only the read-only ones run.
     */
    public MaildrillConformance account(String user, String password) {
        accounts.add(new Account(user, password, false));
        return this;
    }

    /** Trusts this certificate or CA (PEM) for imaps, pop3s, STARTTLS and STLS; verification is on by default. */
    public MaildrillConformance trust(Path pem) {
        this.tls = TlsSettings.trusting(pem.toFile());
        return this;
    }

    /** Turns certificate verification off, explicitly. */
    public MaildrillConformance insecureTls() {
        this.tls = TlsSettings.insecureSettings();
        return this;
    }

    /** Only the scripts whose id matches one of these globs ({@code pop3/**}, {@code imap/sync/*.script}). */
    public MaildrillConformance suites(String... globs) {
        suites.addAll(Arrays.asList(globs));
        return this;
    }

    /** Only the scripts covering one of these catalog IDs ({@code P25}, {@code I33}). */
    public MaildrillConformance covers(String... catalogIds) {
        covers.addAll(Arrays.asList(catalogIds));
        return this;
    }

    /** Only the scripts resting on one of these levels (the RFC's keywords, robust, interop). */
    public MaildrillConformance levels(Level... wanted) {
        levels.addAll(Arrays.asList(wanted));
        return this;
    }

    /** The scripts in this directory (and below) instead of the bundled suites. */
    public MaildrillConformance scripts(Path directory) {
        this.scriptDirectory = Optional.of(directory);
        return this;
    }

    /**
     * The server's known deviations, one {@code SCRIPT-ID-OR-GLOB REASON} per line (the format of
     * {@code maildrill check --expectations}). Without one, the bundled file named after the
     * target is used, if there is one.
     *
     * @throws IllegalArgumentException when the file cannot be read or has a line without a reason
     */
    public MaildrillConformance expectations(Path file) {
        this.expectations = Optional.of(Expectations.read(file));
        return this;
    }

    /** No known deviations at all, not even the bundled ones for the target's name. */
    public MaildrillConformance noExpectations() {
        this.expectations = Optional.of(Expectations.none());
        return this;
    }

    /** How many scripts run at once (default: one per three accounts). */
    public MaildrillConformance jobs(int parallelScripts) {
        if (parallelScripts < 1) {
            throw new IllegalArgumentException("jobs: " + parallelScripts + " (expected: >= 1)");
        }
        this.jobs = parallelScripts;
        return this;
    }

    /** How long one reply or connection may take (default 10 s). */
    public MaildrillConformance timeout(Duration replyTimeout) {
        this.timeout = positive(replyTimeout, "timeout");
        return this;
    }

    /** How long the whole selection may take before the tests still waiting fail (default 15 min). */
    public MaildrillConformance runTimeout(Duration wholeRun) {
        this.runTimeout = positive(wholeRun, "runTimeout");
        return this;
    }

    /**
     * A script listed as a known deviation that passes fails its test ("remove line N"), so the
     * expectations file follows the server's fixes. By default it passes, as in {@code maildrill check}.
     */
    public MaildrillConformance failWhenFixed() {
        this.failWhenFixed = true;
        return this;
    }

    /**
     * Checks that the server answers and the first account logs in, starts the selected scripts
     * in the background and returns their tests, one container per promise; each test reports its
     * script's result as soon as it is in.
     *
     * @throws IllegalArgumentException when the selection matches no script or a script does not parse
     * @throws io.maildrill.target.TargetException when the server is not reachable or refuses the login
     */
    public Stream<DynamicNode> tests() {
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("no accounts: add testAccount(user, password), three for every script to run");
        }
        Target configured = target.withAccounts(accounts).withTls(tls);
        List<ParsedScript> scripts = SelectedScripts.load(configured, scriptDirectory, suites, covers, levels);
        CapabilityDiscovery.discover(configured, timeout);
        int parallel = jobs > 0 ? jobs : Math.max(1, accounts.size() / ACCOUNTS_PER_JOB);
        Expectations known = expectations.orElseGet(() -> BundledExpectations.forTarget(configured.name()));
        Map<String, List<ParsedScript>> byPromise = ScriptTestNodes.groupByPromise(scripts);
        // submitted in the order the tests report them, so each test waits as little as it can
        List<ParsedScript> inTestOrder = byPromise.values().stream().flatMap(List::stream).toList();
        BackgroundRun run = BackgroundRun.start(configured, inTestOrder, new ExecutorOptions(timeout, timeout), known,
                parallel, runTimeout);
        return ScriptTestNodes.containers(byPromise, run, new ScriptVerdict(failWhenFixed),
                new ScriptTestSource(scriptDirectory));
    }

    private static Duration positive(Duration duration, String what) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + ": " + duration + " (expected: > 0)");
        }
        return duration;
    }
}
