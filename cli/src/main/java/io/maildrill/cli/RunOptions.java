package io.maildrill.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How a conformance run paces itself, shared by {@code check} and {@code matrix}. */
final class RunOptions {

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "4",
            description = "Scripts run in parallel, each on accounts of its own (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Default bound on every wait for the server (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--long", description = "Also run the long checks (@long: autologout timers, 10-30 minutes each), "
            + "skipped otherwise.")
    boolean longChecks;

    /** Checks the values; a bad one is a usage error. */
    RunOptions validated() {
        if (jobs < 1 || timeoutSeconds < 1) {
            throw new UserError("--jobs and --timeout must be at least 1");
        }
        return this;
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }
}
