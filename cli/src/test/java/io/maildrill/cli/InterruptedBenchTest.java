package io.maildrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bench stopped in the middle (Ctrl-C, a CI job's kill) takes its forked benchmark JVMs with it,
 * leaves no empty JMH JSON behind, and says in a report that it was interrupted.
 */
class InterruptedBenchTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void aKilledBenchStopsItsForksAndLeavesNoEmptyResultFile() throws Exception {
        Path reports = dir.resolve("bench");
        Process bench = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench", "--workload", "decode*",
                "--quick", "--sizes", "100", "--report-dir", reports.toString())
                .redirectErrorStream(true).start();
        List<ProcessHandle> forks = new ArrayList<>();
        StringBuilder console = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(bench.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                console.append(line).append('\n');
                // JMH prints its iteration lines from the fork's output: the fork is running
                if (forks.isEmpty() && line.contains("Warmup Iteration")) {
                    forks.addAll(bench.descendants().toList());
                    new ProcessBuilder("kill", "-INT", Long.toString(bench.pid())).start().waitFor();
                }
            }
        }
        assertThat(bench.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(forks).as("a forked benchmark JVM was running when the bench was stopped:\n%s", console).isNotEmpty();
        assertThat(forks).as("forks still alive after the bench exited").noneMatch(ProcessHandle::isAlive);
        assertThat(console).contains("maildrill bench: interrupted; benchmark JVMs stopped; the report of the 0 finished run(s)");
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("jmh-")).toList())
                    .allSatisfy(p -> assertThat(Files.size(p)).as(p.toString()).isPositive());
        }
        assertThat(Files.readString(reports.resolve("benchmarks.md"))).contains("Interrupted during 100 messages, 1 thread(s)");
    }
}
