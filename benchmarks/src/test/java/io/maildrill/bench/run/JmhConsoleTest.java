package io.maildrill.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JmhConsoleTest {

    private static final Path LOG = Path.of("reports", "jmh.log");

    /** What JMH prints for a benchmark whose workload threw, cut down. */
    private static final String FAILED_RUN = String.join("\n",
            "# Benchmark: io.maildrill.bench.imap.ImapHeadersBench.imapHeaders",
            "# Run progress: 0.00% complete, ETA 00:00:04",
            "# Fork: 1 of 1",
            "<failure>",
            "",
            "java.lang.IllegalStateException: FETCH 1:100 (ENVELOPE) answered by a reply that is not IMAP: line 2: * 1 FETCH (garbage",
            "\tat io.maildrill.imap.ImapSession.fetch(ImapSession.java:210)",
            "\tat io.maildrill.bench.imap.ImapHeadersBench.imapHeaders(ImapHeadersBench.java:61)",
            "Caused by: io.maildrill.net.MalformedReply: unbalanced parenthesis",
            "\tat io.maildrill.imap.codec.ImapResponseDecoder.decode(ImapResponseDecoder.java:99)",
            "\t... 12 more",
            "",
            "# Run complete. Total time: 00:00:05",
            "");

    @Test
    void theConsoleGetsEverythingButTheFramesAndTheLogEverything() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        try (JmhConsole jmh = new JmhConsole(new PrintStream(console, true, StandardCharsets.UTF_8), log, LOG)) {
            jmh.write(FAILED_RUN.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo(FAILED_RUN);
        assertThat(console.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "# Benchmark: io.maildrill.bench.imap.ImapHeadersBench.imapHeaders",
                "# Run progress: 0.00% complete, ETA 00:00:04",
                "# Fork: 1 of 1",
                "<failure>",
                "",
                "java.lang.IllegalStateException: FETCH 1:100 (ENVELOPE) answered by a reply that is not IMAP: line 2: * 1 FETCH (garbage",
                "    (2 lines of stack trace in " + LOG + ")",
                "Caused by: io.maildrill.net.MalformedReply: unbalanced parenthesis",
                "    (2 lines of stack trace in " + LOG + ")",
                "",
                "# Run complete. Total time: 00:00:05");
    }

    @Test
    void theSameLinesWhereverTheOutputIsSplit() throws Exception {
        byte[] bytes = FAILED_RUN.getBytes(StandardCharsets.UTF_8);
        String whole = consoleOf(bytes, bytes.length);
        for (int chunk = 1; chunk < 40; chunk++) {
            assertThat(consoleOf(bytes, chunk)).as("chunks of %d bytes", chunk).isEqualTo(whole);
        }
    }

    @Test
    void anEndlessLineIsCutOnTheConsoleAndKeptInTheLog() throws Exception {
        String endless = "x".repeat(JmhConsole.MAX_LINE * 3);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        try (JmhConsole jmh = new JmhConsole(new PrintStream(console, true, StandardCharsets.UTF_8), log, LOG)) {
            jmh.write((endless + "\nnext\n").getBytes(StandardCharsets.UTF_8));
        }

        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo(endless + "\nnext\n");
        assertThat(console.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "x".repeat(JmhConsole.MAX_LINE) + " ... (cut; the whole line is in " + LOG + ")", "next");
    }

    private static String consoleOf(byte[] bytes, int chunk) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (JmhConsole jmh = new JmhConsole(new PrintStream(console, true, StandardCharsets.UTF_8), new ByteArrayOutputStream(), LOG)) {
            for (int i = 0; i < bytes.length; i += chunk) {
                jmh.write(bytes, i, Math.min(chunk, bytes.length - i));
            }
        }
        return console.toString(StandardCharsets.UTF_8);
    }
}
