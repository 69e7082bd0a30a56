package io.maildrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code maildrill seed} writing to a pipe, as in a CI log: its progress comes as plain lines,
 * never as carriage-return frames of a bar, and no line is longer than a log viewer shows.
 */
class SeedProgressInALogTest {

    @Test
    @Timeout(120)
    void progressInALogIsPlainShortLines() throws Exception {
        MaildrillProcess seed = MaildrillProcess.run(Duration.ofSeconds(100), Map.of(), "seed", "--messages", "3000");
        String output = seed.output();

        assertThat(seed.exit()).as(output).isZero();
        assertThat(output).doesNotContain("\r").contains("seed 100%").contains("3000 messages");
        assertThat(output.lines()).allMatch(line -> line.length() <= 200, "at most 200 characters");
    }
}
