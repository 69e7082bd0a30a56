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
 * {@code maildrill check} on the embedded default, as a process of its own so that what reaches
 * its real console is what is asserted: GreenMail's log and the stack traces of the connection
 * threads it ends when a client hangs up go to {@code greenmail.log} beside the reports, named on
 * the console, and never to the console itself.
 */
class EmbeddedServerLogTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void theEmbeddedServersOutputGoesToItsLogNotToTheConsole() throws Exception {
        Path reports = dir.resolve("reports");
        MaildrillProcess check = MaildrillProcess.run(Duration.ofSeconds(150), Map.of(),
                "check", "--suite", "pop3/**", "--report-dir", reports.toString());
        String output = check.output();

        assertThat(check.exit()).as(output).isZero();
        Path log = reports.resolve("greenmail").resolve(CheckCommand.SERVER_LOG);
        assertThat(output).contains("the embedded server's own log: " + log.toAbsolutePath())
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("icegreen");
        // the POP3 scripts hang up on GreenMail on purpose; its threads' ends are in the log
        assertThat(Files.readString(log)).contains("com.icegreen.greenmail").contains("Can not handle POP3 connection");
    }
}
