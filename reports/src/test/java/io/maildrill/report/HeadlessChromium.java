package io.maildrill.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's Chromium, headless with a fresh profile and no network chatter, bounded in time: the real browser reports are read in. */
public final class HeadlessChromium {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 90;

    private HeadlessChromium() {
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Runs Chromium with {@code args} and a fresh profile in {@code profile}; returns its stdout. */
    public static String run(Path profile, String... args) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path stdout = profile.resolve("stdout.txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(profile.resolve("stderr.txt").toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        assertThat(process.exitValue()).as("chromium exit code; stderr: %s",
                Files.readString(profile.resolve("stderr.txt"))).isZero();
        return Files.readString(stdout);
    }
}
