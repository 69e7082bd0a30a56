package io.maildrill.bench.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code maildrill bench} was asked to run.
 *
 * @param target       {@code embedded}, a server name of {@code servers/} ({@code dovecot}) or a target URI
 * @param workloads    workload globs (method names)
 * @param baselines    also run the Jakarta Mail baselines of the selected workloads
 * @param sizes        mailbox sizes (message counts)
 * @param threads      JMH thread counts; one run per value
 * @param profile      corpus size profile ("tiny", "realistic", "large")
 * @param quick        short warm-up and measurement
 * @param reportDir    where JSON, HTML and Markdown go
 * @param forkHeap     -Xmx of the forked benchmark JVMs, e.g. "512m"
 * @param forks        JVM forks per benchmark (0 runs in this JVM, for tests)
 * @param forkProperties system properties handed to forks (accounts, TLS; never a password)
 * @param jmhLog       where JMH's own progress output goes instead of the console, if anywhere
 */
public record BenchOptions(String target, List<String> workloads, boolean baselines, List<Integer> sizes, List<Integer> threads, String profile,
                           boolean quick, Path reportDir, String forkHeap, int forks, Map<String, String> forkProperties,
                           Optional<Path> jmhLog) {

    public BenchOptions {
        workloads = List.copyOf(workloads);
        sizes = List.copyOf(sizes);
        threads = List.copyOf(threads);
        forkProperties = Map.copyOf(forkProperties);
        if (sizes.isEmpty() || threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
            throw new IllegalArgumentException("sizes and threads must be non-empty; threads >= 1");
        }
        if (forks < 0) {
            throw new IllegalArgumentException("forks: " + forks + " (expected: 0 or more; 0 runs in this JVM)");
        }
        if (!forkHeap.matches("[0-9]+[kmgKMG]?")) {
            throw new IllegalArgumentException("fork heap: " + forkHeap + " (expected: e.g. 256m)");
        }
    }
}
