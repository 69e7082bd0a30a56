package io.maildrill.cli;

import io.maildrill.bench.run.BenchOptions;
import io.maildrill.bench.run.BenchRunner;
import io.maildrill.bench.run.WorkloadGlobs;
import io.maildrill.bench.scenario.SecondComputer;
import io.maildrill.bench.support.BenchProperties;
import io.maildrill.bench.support.BenchServer;
import io.maildrill.bench.support.BenchTargets;
import io.maildrill.bench.support.Fixture;
import io.maildrill.bench.support.MailboxSizes;
import io.maildrill.target.ServerStateFile;
import io.maildrill.target.TargetUri;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code maildrill bench}: runs the JMH workloads (IMAP, POP3, their Jakarta Mail baselines, the
 * decoder, corpus and provisioning benchmarks) against a target and writes JMH JSON, an HTML report
 * and a Markdown table. With no {@code --target} each benchmark JVM embeds its own GreenMail.
 * {@code --target dovecot} (or any other name of {@code servers/}) uses the server that
 * {@code servers/<name>/start} runs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the benchmarks (JMH) and write JSON, HTML and Markdown reports.")
public final class BenchCommand implements Callable<Integer> {

    /** {@code --workload none}: run no JMH workload (with {@code --second-computer}: only that scenario). */
    static final String NONE = "none";

    @Mixin
    TargetOptions target;

    @Option(names = "--workload", paramLabel = "GLOB", split = ",",
            description = "Workloads by method name, * and ? allowed (e.g. imap*, pop3RetrAll, decode*, provision*, corpus*). "
                    + "none runs no JMH workload. Default: imap*,pop3*.")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--sizes", paramLabel = "N[,N...]",
            description = "Mailbox sizes, e.g. 10k,100k (1m only when asked). Default: 10k,100k (--quick: 1k); "
                    + "embedded GreenMail: 100,1k (--quick: 100), because Jakarta Mail's one-command-at-a-time POP3 "
                    + "stalls about 100 ms per command on GreenMail.")
    String sizes;

    @Option(names = "--threads", paramLabel = "N[,N...]", split = ",", defaultValue = "1",
            description = "JMH threads (one connection each); one run per value. Default: ${DEFAULT-VALUE}.")
    List<Integer> threads;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "tiny",
            description = "Corpus message-size profile: tiny, realistic, large. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--quick", description = "Short warm-up and measurement (indicative figures, minutes instead of tens of minutes).")
    boolean quick;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "maildrill-bench",
            description = "Where JMH JSON, benchmarks.html and benchmarks.md go. Default: ${DEFAULT-VALUE}.")
    File reportDir;

    @Option(names = "--fork-heap", paramLabel = "SIZE", defaultValue = "512m",
            description = "-Xmx of the benchmark JVMs. Default: ${DEFAULT-VALUE}.")
    String forkHeap;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "1",
            description = "JVM forks per benchmark; 0 runs in this JVM (no isolation). Default: ${DEFAULT-VALUE}.")
    int forks;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Bound on every wait for the server, in maildrill's client and Jakarta Mail's (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--no-baseline", negatable = false,
            description = "Leave out the Jakarta Mail baselines (only maildrill's own client is measured).")
    boolean noBaseline;

    @Option(names = "--second-computer",
            description = "Also measure 'check mail from a second computer' (POP3 download-all vs IMAP headers + one body) per size.")
    boolean secondComputer;

    @Override
    public Integer call() throws Exception {
        BenchOptions options = options(System.getenv());
        if (BenchTargets.isServerName(options.target())) {
            // a server that is not running: one message here, not one per benchmark fork
            ServerStateFile.of(options.target(), System.getenv()).target(System.getenv(), "");
        }
        boolean jmh = !options.workloads().equals(List.of(NONE));
        if (jmh && BenchRunner.selectedWorkloads(options).isEmpty()) {
            throw new UserError("no workload matches " + String.join(",", options.workloads()) + " (known: "
                    + String.join(", ", BenchRunner.knownWorkloads()) + ")");
        }
        boolean complete = true;
        try {
            if (jmh) {
                // a benchmark that threw (wrong bytes, a refusal, a timeout) is a failed run, not a quiet gap
                complete = BenchRunner.run(options, System.out).withoutResult().isEmpty();
            }
        } catch (RunnerException e) {
            throw new UserError(runnerProblem(e));
        }
        if (secondComputer) {
            String table = secondComputer(options);
            System.out.println(table);
            Path md = options.reportDir().resolve("second-computer.md");
            Files.createDirectories(options.reportDir());
            Files.writeString(md, table, StandardCharsets.UTF_8);
        }
        return (jmh || secondComputer) && complete ? ExitCodes.OK : ExitCodes.FAILURES;
    }

    /** The options as given, validated; forks receive accounts and TLS settings, never the password itself. */
    BenchOptions options(Map<String, String> env) {
        if (target.targets.size() > 1) {
            throw new UserError("bench runs against one --target at a time");
        }
        if (target.passwordFile != null) {
            throw new UserError("bench takes passwords from --password-env only (benchmark JVMs inherit the environment)");
        }
        String spec = target.hasTargets() ? target.targets.get(0) : BenchTargets.EMBEDDED;
        Map<String, String> props = new LinkedHashMap<>();
        if (timeoutSeconds < 1) {
            throw new UserError("--timeout must be at least 1 second");
        }
        props.put(BenchProperties.TIMEOUT_SECONDS, Integer.toString(timeoutSeconds));
        if (!spec.equals(BenchTargets.EMBEDDED) && !BenchTargets.isServerName(spec)) {
            TargetUri.parse(spec, target.tls()); // a bad URI fails here, not in every fork
            if (!env.containsKey(target.passwordEnv)) {
                throw new UserError("no password: set the environment variable " + target.passwordEnv + " (see --password-env)");
            }
            props.put(BenchProperties.PASSWORD_ENV, target.passwordEnv);
        }
        if (!target.users.isEmpty()) {
            props.put(BenchProperties.USERS, String.join(",", target.users));
        }
        if (target.testAccounts) {
            props.put(BenchProperties.TEST_ACCOUNTS, "true");
        }
        if (target.insecure) {
            props.put(BenchProperties.INSECURE, "true");
        }
        if (target.trustPem != null) {
            target.tls();
            props.put(BenchProperties.TRUST, target.trustPem.getAbsolutePath());
        }
        List<Integer> sizeList;
        try {
            sizeList = MailboxSizes.parseList(sizes != null ? sizes
                    : spec.equals(BenchTargets.EMBEDDED) ? (quick ? "100" : "100,1k") : quick ? "1k" : "10k,100k");
            Fixture.of(1, profile);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        List<String> globs = workloads.isEmpty() ? List.of("imap*", "pop3*") : workloads;
        try {
            if (!globs.equals(List.of(NONE))) {
                WorkloadGlobs.toRegex(globs); // a bad glob is named here
            }
            return new BenchOptions(spec, globs, !noBaseline, sizeList, threads, profile, quick, reportDir.toPath(), forkHeap, forks,
                    props, java.util.Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** JMH's reason in one line; a held lock means another benchmark run is going on here. */
    static String runnerProblem(RunnerException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("JMH lock")) {
            return "another benchmark run (maildrill bench, matrix --bench or any JMH run) is going on on this machine: "
                    + "JMH allows one at a time; wait for it to end";
        }
        return "the benchmark run failed: " + message.lines().findFirst().orElse(message);
    }

    private static String secondComputer(BenchOptions options) {
        options.forkProperties().forEach(System::setProperty);
        BenchServer server = BenchTargets.resolve(options.target());
        try {
            List<SecondComputer.Row> rows = new ArrayList<>();
            for (int size : options.sizes()) {
                rows.add(SecondComputer.measure(server, Fixture.of(size, options.profile())));
            }
            return SecondComputer.table(rows);
        } finally {
            BenchTargets.stopEmbedded();
        }
    }

}
