package io.maildrill.cli;

import io.maildrill.corpus.CorpusFixture;
import io.maildrill.corpus.FixtureSyntaxException;
import io.maildrill.provision.CorpusMessageSource;
import io.maildrill.provision.DeliveryProvisioner;
import io.maildrill.provision.ImapAppendProvisioner;
import io.maildrill.provision.MailboxCleaner;
import io.maildrill.provision.MaildirLocation;
import io.maildrill.provision.MaildirProvisioner;
import io.maildrill.provision.ProvisionException;
import io.maildrill.provision.ProvisionResult;
import io.maildrill.provision.Provisioner;
import io.maildrill.target.Account;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.LocalMaildirs;
import io.maildrill.target.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code maildrill seed}: fills a test mailbox with deterministic corpus messages as fast as the
 * server takes them, and prints the rate. {@code --clear} empties the mailbox instead.
 *
 * <p>For a server on this machine whose maildirs are known ({@code --maildir}, or
 * {@code MAILDRILL_<NAME>_MAILDIR} in its target.env) and writable here, the automatic choice is
 * the bulk path: the messages are written as maildir files and the server indexes them
 * ({@link MaildirProvisioner}); otherwise IMAP APPEND, or LMTP/SMTP delivery for a target without IMAP.
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Fill a mailbox with deterministic corpus messages (or empty it with --clear).")
final class SeedCommand implements Callable<Integer> {

    enum Via { AUTO, IMAP, LMTP, SMTP, MAILDIR }

    /** Ten times the largest mailbox the benchmarks use; a bound, so a typo cannot run for days. */
    static final int MAX_MESSAGES = 10_000_000;
    /** More connections than this only queue at a loopback server (and look like an attack to it). */
    static final int MAX_CONNECTIONS = 64;
    /** Connections of the protocol paths, and writer threads of the maildir path, unless --connections says otherwise. */
    static final int PROTOCOL_CONNECTIONS = 2;
    static final int MAILDIR_WRITERS = 4;

    @Mixin
    TargetOptions targetOptions;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "1000",
            description = "How many messages (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--mailbox", paramLabel = "NAME", defaultValue = "INBOX",
            description = "Mailbox to fill (default: ${DEFAULT-VALUE}; created when missing).")
    String mailbox;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Corpus seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "tiny",
            description = "Size profile: tiny, realistic, large or MIN..MAX like 2k..64k (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--shapes", paramLabel = "LIST", defaultValue = "mixed",
            description = "Message shapes: mixed, or a comma-separated list such as plain,dot-lines (default: ${DEFAULT-VALUE}).")
    String shapes;

    // Two: on Dovecot/maildir here, 2 connections appended 3 900-4 900 msg/s into a fresh mailbox,
    // 3 and 4 fewer (the server serialises on the mailbox's uid list).
    // Four writer threads for maildir files: on this 2-core machine 4 wrote 24 000 msg/s into a fresh
    // folder where 1 wrote 7 400 and 8 wrote 21 600 (the kernel's file creation is the cost, and it blocks).
    @Option(names = "--connections", paramLabel = "N",
            description = "Parallel connections (default: 2; 1 keeps corpus order), or writer threads with --via maildir "
                    + "(default: 4; corpus order is kept with any number).")
    Integer connectionsOption;

    /** Set in {@link #call()}: the option as given, else the chosen path's default. */
    private int connections;

    @Option(names = "--via", paramLabel = "PATH", defaultValue = "AUTO",
            description = "How to deliver: auto (maildir files when the target's maildir is known and writable here, "
                    + "else IMAP when the target has it), imap, lmtp, smtp, maildir.")
    Via via;

    @Option(names = "--maildir", paramLabel = "TEMPLATE",
            description = "The account's maildir on this machine, %u for the user, e.g. "
                    + "/tmp/maildrill-servers/dovecot/mail/%u/Maildir (default: MAILDRILL_<NAME>_MAILDIR of the "
                    + "local server's target.env whose IMAP endpoint is the target's).")
    String maildir;

    @Option(names = "--clear", description = "Empty the mailbox instead of filling it (test accounts only).")
    boolean clear;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Bound on every server wait, in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        connections = connectionsOption != null ? connectionsOption : PROTOCOL_CONNECTIONS;
        if (messages < 0 || messages > MAX_MESSAGES || connections < 1 || connections > MAX_CONNECTIONS || timeoutSeconds < 1) {
            throw new UserError("--messages must be 0.." + MAX_MESSAGES + ", --connections 1.." + MAX_CONNECTIONS
                    + ", --timeout at least 1 (got " + messages + ", " + connections + ", " + timeoutSeconds + ")");
        }
        if (mailbox.isBlank()) {
            throw new UserError("--mailbox: a mailbox name is needed (default INBOX)");
        }
        if (targetOptions.targets.size() > 1) {
            throw new UserError("seed fills one target; give one --target");
        }
        CorpusFixture fixture = fixture();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        PrintWriter out = spec.commandLine().getOut();
        Optional<EmbeddedServerLog> serverLog = targetOptions.hasTargets() ? Optional.empty() : Optional.of(temporaryServerLog());
        Optional<EmbeddedGreenMail> embedded = targetOptions.startEmbeddedIfNoTarget(3);
        try {
            Target target = embedded.map(EmbeddedGreenMail::target)
                    .orElseGet(() -> targetOptions.resolveTargets(System.getenv()).get(0));
            Account account = target.defaultAccount();
            if (clear) {
                long removed = new MailboxCleaner(target, timeout).clear(account, mailbox);
                out.printf("cleared %s of %s on %s: %d messages removed%n", mailbox, account.user(), target.describe(), removed);
                return ExitCodes.OK;
            }
            Provisioner provisioner = provisioner(target, embedded.isPresent(), timeout, out);
            out.printf("seeding %d messages (%s) into %s of %s via %s%n  on %s%n", messages, fixture.toText(), mailbox,
                    account.user(), provisioner.method(), target.describe());
            ProvisionResult result;
            try (ProgressBar bar = progressBar()) {
                result = provisioner.fill(account, mailbox, new CorpusMessageSource(fixture.corpus()), bar::stepBy);
            }
            out.println(result.summary());
            if (embedded.isPresent()) {
                out.println("(embedded GreenMail: the mailbox goes away when maildrill exits; use --target for a real server)");
            }
            return ExitCodes.OK;
        } catch (ProvisionException e) {
            throw new UserError(e.getMessage());
        } finally {
            embedded.ifPresent(EmbeddedGreenMail::close);
            serverLog.ifPresent(log -> {
                log.close();
                if (!log.isEmpty()) {
                    out.println("the embedded server's own log: " + log.file());
                }
            });
        }
    }

    /** Seed has no report directory: the embedded server's log goes to a temporary file. */
    private static EmbeddedServerLog temporaryServerLog() {
        try {
            return EmbeddedServerLog.open(Files.createTempFile("maildrill-greenmail-", ".log"));
        } catch (IOException e) {
            throw new UserError("cannot create a temporary file for the embedded server's log: " + e.getMessage());
        }
    }

    private CorpusFixture fixture() {
        try {
            return CorpusFixture.parse("messages=" + messages + " shapes=" + shapes + " profile=" + profile + " seed=" + seed);
        } catch (FixtureSyntaxException e) {
            throw new UserError("bad --shapes or --profile: " + e.getMessage());
        }
    }

    private Provisioner provisioner(Target target, boolean embedded, Duration timeout, PrintWriter out) {
        boolean mayWriteFiles = !embedded && (via == Via.AUTO || via == Via.MAILDIR);
        Optional<MaildirLocation> maildirs = mayWriteFiles ? maildirLocation(target, out) : Optional.empty();
        Via path = via != Via.AUTO ? via : maildirs.isPresent() ? Via.MAILDIR : target.imap().isPresent() ? Via.IMAP
                    : target.delivery().map(d -> d.protocol() == Target.Delivery.Protocol.LMTP ? Via.LMTP : Via.SMTP)
                    .orElseThrow(() -> new UserError("target " + target.name()
                            + " has no IMAP and no lmtp:// or smtp:// endpoint to deliver through"));
        return switch (path) {
            case MAILDIR -> new MaildirProvisioner(maildirs.orElseThrow(() -> new UserError(embedded
                    ? "--via maildir needs a --target on this machine (the embedded GreenMail keeps no maildir)"
                    : "--via maildir: where is the account's maildir? Give --maildir TEMPLATE (e.g. "
                    + "/tmp/maildrill-servers/dovecot/mail/%u/Maildir)")),
                    target.requireImap(), target.tls(), connectionsOption != null ? connectionsOption : MAILDIR_WRITERS, timeout);
            case IMAP -> new ImapAppendProvisioner(target.requireImap(), target.tls(), connections, timeout);
            case LMTP, SMTP -> {
                Target.Delivery delivery = target.delivery().orElseThrow(() -> new UserError(
                        "--via " + path.name().toLowerCase() + " needs an lmtp:// or smtp:// endpoint in --target"));
                yield DeliveryProvisioner.of(delivery, connections, timeout);
            }
            case AUTO -> throw new IllegalStateException("resolved above");
        };
    }

    /**
     * The maildirs to write into: {@code --maildir} as given (whose fixed part must be a writable
     * directory, or the run stops here), else the template a local server exports, when this
     * process can write there (if it cannot, the automatic choice stays with the protocol and says why).
     */
    private Optional<MaildirLocation> maildirLocation(Target target, PrintWriter out) {
        if (maildir != null) {
            MaildirLocation location = location(maildir, "--maildir");
            String problem = unwritable(location.root());
            if (problem != null) {
                throw new UserError("--maildir " + maildir + ": " + problem);
            }
            return Optional.of(location);
        }
        Optional<String> exported = target.imap().flatMap(imap -> LocalMaildirs.templateFor(imap, System.getenv()));
        if (exported.isEmpty()) {
            return Optional.empty();
        }
        MaildirLocation location = location(exported.get(), "the target's exported maildir");
        String problem = unwritable(location.root());
        if (problem != null) {
            if (via == Via.MAILDIR) {
                throw new UserError("--via maildir: " + location.template() + ": " + problem);
            }
            out.printf("(not writing maildir files into %s: %s)%n", location.template(), problem);
            return Optional.empty();
        }
        return Optional.of(location);
    }

    private static MaildirLocation location(String template, String what) {
        try {
            return new MaildirLocation(template);
        } catch (IllegalArgumentException e) {
            throw new UserError(what + ": " + e.getMessage());
        }
    }

    /** Why this process cannot write maildirs under {@code root}, or null when it can. */
    private static String unwritable(Path root) {
        if (!Files.isDirectory(root)) {
            return root + " is not a directory";
        }
        return Files.isWritable(root) ? null : root + " is not writable by this process";
    }

    /**
     * A bar redrawn in place on a terminal; elsewhere (a CI log, a file) a plain line every few
     * seconds, since carriage-return frames would glue into one enormous line there.
     */
    private ProgressBar progressBar() {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName("seed").setInitialMax(messages)
                .setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" msg", 1);
        if (System.console() != null) {
            return builder.setUpdateIntervalMillis(250)
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(Main.progressStream())).build();
        }
        PrintStream log = Main.progressStream();
        return builder.setUpdateIntervalMillis(5000).setMaxRenderedLength(NON_TERMINAL_LINE)
                .setConsumer(new DelegatingProgressBarConsumer(log::println, NON_TERMINAL_LINE)).build();
    }

    /** Longest progress line written to a log that is not a terminal. */
    private static final int NON_TERMINAL_LINE = 100;
}
