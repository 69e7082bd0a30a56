package io.maildrill.cli;

import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapSession;
import io.maildrill.load.IntervalLog;
import io.maildrill.load.LoadListener;
import io.maildrill.load.LoadOptions;
import io.maildrill.load.LoadProfile;
import io.maildrill.load.LoadProfileException;
import io.maildrill.load.LoadProfiles;
import io.maildrill.load.LoadReports;
import io.maildrill.load.LoadRun;
import io.maildrill.load.Timeline;
import io.maildrill.net.Endpoint;
import io.maildrill.net.ProtocolException;
import io.maildrill.pop3.Pop3Reply;
import io.maildrill.pop3.Pop3Session;
import io.maildrill.report.load.LoadReport;
import io.maildrill.report.load.LoadVerdict;
import io.maildrill.script.parse.Durations;
import io.maildrill.target.Account;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.Target;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.Transcript;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code maildrill load}: many simulated users on one server, every response checked by the
 * oracle, latencies per command kind. Exit 0 when no rule was violated and errors stayed within
 * {@code --max-errors}, 1 otherwise, 2 when the run could not start (usage, connection, login).
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load a server with simulated users (a profile: imaptest, devices, idle, pop3, or a file) and check every answer.")
final class LoadCommand implements Callable<Integer> {

    /** A bound, so a typo cannot open a million connections. */
    static final int MAX_CLIENTS = 20_000;
    static final Duration MAX_DURATION = Duration.ofHours(24);
    private static final Pattern USER_RANGE = Pattern.compile("(.*%d.*):(\\d{1,6})\\.\\.(\\d{1,6})");

    @Mixin
    TargetOptions targetOptions;

    @Option(names = "--profile", paramLabel = "NAME|FILE", defaultValue = "imaptest",
            description = "Who the users are: a bundled profile (imaptest, devices, idle, pop3) or a profile file (default: ${DEFAULT-VALUE}).")
    String profileName;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "10",
            description = "Simulated users in the whole run, all shards together (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "10s",
            description = "How long the users keep going: 500ms, 10s, 5m (default: ${DEFAULT-VALUE}).")
    String duration;

    /** Accounts the embedded GreenMail gets at most (one per client below that). */
    static final int MAX_EMBEDDED_ACCOUNTS = 1000;

    /** A bound, so a typo cannot start a million sessions a second. */
    static final double MAX_ARRIVAL_RATE = 10_000;

    @Option(names = "--arrival-rate", paramLabel = "PER_SECOND",
            description = "Open model: start this many sessions a second whatever the server's latency (e.g. 20 or 0.5);"
                    + " each walks its persona's cycle once, timed from its intended start; --clients then bounds the"
                    + " sessions open at once. Default: the closed model.")
    Double arrivalRate;

    @Option(names = "--ramp-up", paramLabel = "TIME", defaultValue = "0s",
            description = "Spread the users' starts over this long (default: all at once).")
    String rampUp;

    @Option(names = "--user-range", paramLabel = "TEMPLATE:FROM..TO",
            description = "Accounts by number, e.g. user%%d:13..16 (instead of repeating --user).")
    String userRange;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "0",
            description = "Errors (BAD, timeouts, dropped connections, malformed replies) allowed before the exit code is 1 "
                    + "(default: ${DEFAULT-VALUE}).")
    long maxErrors;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Drive only shard I of N (0-based) of the users; default: JOB_COMPLETION_INDEX of --shards, else all.")
    String shard;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "1",
            description = "With JOB_COMPLETION_INDEX set (a Kubernetes Indexed Job), the number of shards.")
    int shards;

    @Option(names = "--start-at", paramLabel = "ISO_INSTANT",
            description = "Begin at this instant, e.g. 2026-12-04T19:00:00Z, so shards started a little apart begin together;"
                    + " at most 10m ahead, at most 5s past.")
    String startAt;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the users' dice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Bound on every server wait, in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "maildrill-reports/load",
            description = "Where load.json, load.hlog, load.html and TEST-maildrill.load.xml go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadProfile profile = profile();
        Duration runFor = duration("--duration", duration);
        Duration spread = duration("--ramp-up", rampUp);
        if (clients < 1 || clients > MAX_CLIENTS || timeoutSeconds < 1 || maxErrors < 0 || runFor.isZero()
                || runFor.compareTo(MAX_DURATION) > 0) {
            throw new UserError("--clients must be 1.." + MAX_CLIENTS + ", --timeout at least 1, --max-errors at least 0,"
                    + " --duration more than 0 and at most 24h");
        }
        if (arrivalRate != null && !(arrivalRate > 0 && arrivalRate <= MAX_ARRIVAL_RATE)) {
            throw new UserError("--arrival-rate must be more than 0 and at most " + (long) MAX_ARRIVAL_RATE
                    + " sessions a second, not " + arrivalRate);
        }
        LoadOptions.Shard share = shard();
        Optional<Instant> begin = Optional.ofNullable(startAt).map(text -> StartAt.parse(text, Instant.now()));
        if (userRange != null) {
            targetOptions.users.addAll(expandUserRange(userRange));
        }
        if (targetOptions.targets.size() > 1) {
            throw new UserError("load drives one target; give one --target");
        }
        // an account per client: GreenMail mis-numbers a mailbox two sessions share (docs/load.md)
        // GreenMail's threads die loudly when a client resets the connection (a POP3 DROP): to a file, as for check
        Optional<EmbeddedServerLog> serverLog = targetOptions.hasTargets() ? Optional.empty()
                : Optional.of(EmbeddedServerLog.open(reportDir.resolve(CheckCommand.SERVER_LOG)));
        Optional<EmbeddedGreenMail> embedded = targetOptions.startEmbeddedIfNoTarget(Math.min(clients, MAX_EMBEDDED_ACCOUNTS));
        try {
            Target target = embedded.map(EmbeddedGreenMail::target)
                    .orElseGet(() -> targetOptions.resolveTargets(System.getenv()).get(0));
            Endpoint imap = target.imap().orElseThrow(() -> new UserError(target.describe() + " has no IMAP endpoint;"
                    + " the load profiles are IMAP (give imap://host:port)"));
            List<Account> accounts = target.accounts();
            if (profile.changesMailboxes() && accounts.stream().anyMatch(a -> !a.testAccount())) {
                throw new UserError("profile " + profile.name() + " appends, flags and expunges messages: declare the"
                        + " accounts disposable with --test-accounts");
            }
            Duration timeout = Duration.ofSeconds(timeoutSeconds);
            Optional<Endpoint> pop3 = Optional.empty();
            if (profile.uses(LoadProfile.Protocol.POP3)) {
                pop3 = Optional.of(target.pop3().orElseThrow(() -> new UserError("profile " + profile.name() + " has a POP3"
                        + " persona, and " + target.describe() + " has no POP3 endpoint (give imap://host:port,pop3://host:port)")));
                probePop3(pop3.get(), target, accounts.get(0), timeout);
            }
            LoadOptions options = new LoadOptions(imap, target.tls(), accounts, profile, clients, runFor, spread, timeout, seed,
                    share, arrivalRate == null ? 0 : arrivalRate, pop3);
            options.accountInTwoShards().ifPresent(user -> {
                throw new UserError("account " + user + " would be used by two shards of " + share.count() + "; each shard's"
                        + " oracle sees only its own sessions, so give a multiple of " + share.count() + " accounts");
            });
            probe(imap, target, accounts.get(0), timeout);
            String who = arrivalRate == null ? clients + " clients"
                    : String.format(java.util.Locale.ROOT, "%s sessions a second, at most %d open", arrivalRate, clients);
            out.printf("load: profile %s (%s), %s%s over %d accounts, %s, on %s%n", profile.name(),
                    profile.description(), who, share.count() > 1 ? " (shard " + share + ")" : "", accounts.size(),
                    duration, target.describe());
            return run(options, begin, target, out);
        } finally {
            embedded.ifPresent(EmbeddedGreenMail::close);
            serverLog.ifPresent(EmbeddedServerLog::close);
        }
    }

    private int run(LoadOptions options, Optional<Instant> begin, Target target, PrintWriter out) {
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        // the console's seconds and the log's start time count from when the users begin
        Instant start = begin.filter(now::isBefore).orElse(now);
        LoadConsole console = new LoadConsole(out, start, options.profile().uses(LoadProfile.Protocol.POP3));
        Timeline timeline = new Timeline();
        LoadRun.Outcome outcome;
        try (IntervalLog log = new IntervalLog(reportDir, start)) {
            LoadListener all = (from, to, kinds, sessions, violations) -> {
                log.interval(from, to, kinds, sessions, violations);
                timeline.interval(from, to, kinds, sessions, violations);
                console.interval(from, to, kinds, sessions, violations);
            };
            LoadRun load = new LoadRun(options, all, clock);
            outcome = begin.map(at -> StartAt.announce(at, out, clock)).map(load::startingAt).orElse(load).run();
        } catch (IOException e) {
            throw new UserError("cannot write to --report-dir " + reportDir + ": " + e.getMessage());
        }
        LoadReport report = LoadReports.of(outcome, options, target.describe(), timeline);
        console.summary(report);
        LoadReportFiles.write(report, maxErrors, reportDir, "--report-dir");
        out.println("reports: " + reportDir.toAbsolutePath());
        if (!outcome.stoppedInTime()) {
            out.println("some users had not stopped when the run's bound passed; their connections were closed");
        }
        return verdict(report, maxErrors, out);
    }

    /** 1 when a rule was violated or errors passed {@code --max-errors}, else 0: for a run and for a merge of shards alike. */
    static int verdict(LoadReport report, long maxErrors, PrintWriter out) {
        boolean failed = !LoadVerdict.of(report, maxErrors).passed();
        if (LoadVerdict.errorsOverBudget(report, maxErrors)) {
            out.printf("%d errors, more than --max-errors %d%n", report.totals().errors(), maxErrors);
        }
        return failed ? ExitCodes.FAILURES : ExitCodes.OK;
    }

    /** One connection and LOGIN before the run: an unreachable server or a wrong password is exit 2, not a run of errors. */
    private static void probe(Endpoint imap, Target target, Account account, Duration timeout) {
        Transcript transcript = new Transcript("probe", new CredentialRedactor());
        try (ImapSession session = ImapSession.connect(imap, target.tls(), transcript, timeout)) {
            ImapCompletion login = session.login(account.user(), account.password());
            if (!login.ok()) {
                throw new UserError("LOGIN as " + account.user() + " refused by " + imap + ": " + login.status() + " "
                        + login.tagged().text());
            }
            session.logout();
        } catch (ProtocolException e) {
            throw new UserError("cannot log in to " + imap + " as " + account.user() + ": " + e.getMessage());
        }
    }

    /** As {@link #probe}, for a profile with a POP3 persona: USER, PASS and QUIT before the run. */
    private static void probePop3(Endpoint pop3, Target target, Account account, Duration timeout) {
        Transcript transcript = new Transcript("probe", new CredentialRedactor());
        try (Pop3Session session = Pop3Session.connect(pop3, target.tls(), transcript, timeout)) {
            Pop3Reply login = session.greeting().isOk() ? session.login(account.user(), account.password()) : session.greeting();
            if (!login.isOk()) {
                throw new UserError("POP3 login as " + account.user() + " refused by " + pop3 + ": " + login.describe());
            }
            session.quit();
        } catch (ProtocolException e) {
            throw new UserError("cannot log in to " + pop3 + " as " + account.user() + ": " + e.getMessage());
        }
    }

    private LoadProfile profile() {
        try {
            return LoadProfiles.load(profileName);
        } catch (LoadProfileException e) {
            throw new UserError("--profile: " + e.getMessage());
        }
    }

    private static Duration duration(String option, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(option + ": " + e.getMessage());
        }
    }

    private LoadOptions.Shard shard() {
        try {
            if (shard != null) {
                String[] parts = shard.split("/", -1);
                if (parts.length != 2) {
                    throw new UserError("--shard: expected I/N such as 0/4, not \"" + shard + "\"");
                }
                return new LoadOptions.Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
            String index = System.getenv("JOB_COMPLETION_INDEX");
            if (index != null && shards > 1) {
                return new LoadOptions.Shard(Integer.parseInt(index.strip()), shards);
            }
            return LoadOptions.Shard.WHOLE;
        } catch (NumberFormatException e) {
            throw new UserError("--shard / JOB_COMPLETION_INDEX: not a number: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError("--shard: " + e.getMessage());
        }
    }

    static List<String> expandUserRange(String spec) {
        Matcher m = USER_RANGE.matcher(spec);
        if (!m.matches()) {
            throw new UserError("--user-range: expected TEMPLATE:FROM..TO with %d in the template, e.g. user%d:13..16,"
                    + " not \"" + spec + "\"");
        }
        int from = Integer.parseInt(m.group(2));
        int to = Integer.parseInt(m.group(3));
        if (from > to || to - from >= MAX_CLIENTS) {
            throw new UserError("--user-range: FROM must not be above TO, and at most " + MAX_CLIENTS + " accounts");
        }
        List<String> names = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            names.add(m.group(1).replace("%d", Integer.toString(n)));
        }
        return names;
    }
}
