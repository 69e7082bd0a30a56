package io.maildrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code seed}'s maildir options refused before any connection: a missing or unwritable
 * {@code --maildir} directory, or {@code --via maildir} without a known maildir, is one line
 * naming what is wrong, exit 2. (The bulk path itself is tested against Dovecot in the harness.)
 */
class SeedViaMaildirOptionsTest {

    /** Nothing listens on port 1; the refusals must come before a connection is tried. */
    private static final String TARGET = "imap://127.0.0.1:1";
    private static final Map<String, String> ENV = Map.of("MAILDRILL_PASSWORD", "x");

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void aMaildirTemplateUnderAMissingDirectoryIsOneLineNamingItExit2() throws Exception {
        String template = dir.resolve("missing") + "/%u/Maildir";
        MaildrillProcess seed = MaildrillProcess.run(Duration.ofSeconds(50), ENV,
                "seed", "--target", TARGET, "--user", "user18", "--maildir", template, "--messages", "10");

        assertThat(seed.exit()).as(seed.output()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(seed.output().strip().lines()).hasSize(1);
        assertThat(seed.output()).contains(dir.resolve("missing") + " is not a directory");
    }

    @Test
    @Timeout(60)
    void viaMaildirWithoutAKnownMaildirAsksForTheOptionExit2() throws Exception {
        Files.createDirectories(dir.resolve("servers"));
        Map<String, String> env = Map.of("MAILDRILL_PASSWORD", "x", "MAILDRILL_SERVERS_DIR", dir.resolve("servers").toString());
        MaildrillProcess seed = MaildrillProcess.run(Duration.ofSeconds(50), env,
                "seed", "--target", TARGET, "--user", "user18", "--via", "maildir", "--messages", "10");

        assertThat(seed.exit()).as(seed.output()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(seed.output().strip().lines()).hasSize(1);
        assertThat(seed.output()).contains("--maildir TEMPLATE");
    }
}
