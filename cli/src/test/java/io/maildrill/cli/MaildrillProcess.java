package io.maildrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code maildrill} run as a process of its own, for tests that assert what reaches the real
 * console (stdout and stderr together) or that need an environment variable set.
 */
record MaildrillProcess(int exit, String output) {

    static MaildrillProcess run(Duration bound, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        process.getInputStream().transferTo(console);
        assertThat(process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)).as("maildrill ended within %s", bound).isTrue();
        return new MaildrillProcess(process.exitValue(), console.toString(StandardCharsets.UTF_8));
    }
}
