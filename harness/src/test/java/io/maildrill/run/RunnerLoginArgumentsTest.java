package io.maildrill.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.faults.FakeMailServer;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.target.Account;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runner's own LOGIN and SELECT write their arguments the way the library client does: an
 * atom where it can, a quoted string with escapes, and a synchronizing literal for what a quoted
 * string cannot carry (RFC 3501 §4.3, §9: quoted chars are 7-bit, no CR or LF).
 */
class RunnerLoginArgumentsTest {

    @Test
    @Timeout(30)
    void anEightBitPasswordGoesAsALiteralAfterTheContinuation() throws Exception {
        String password = "p\u00e4ss\u00f6";
        byte[] octets = password.getBytes(StandardCharsets.UTF_8);
        List<List<String>> connections = new CopyOnWriteArrayList<>();
        ScriptResult result = runAgainstRecorder(new Account("user1", password, true), connections);

        assertThat(result.outcome()).as(result.reason().orElse("")).isEqualTo(Outcome.PASSED);
        assertThat(scriptSession(connections)).startsWith("LOGIN user1 {" + octets.length + "}",
                new String(octets, StandardCharsets.ISO_8859_1), "SELECT INBOX");
    }

    @Test
    @Timeout(30)
    void aQuoteOrBackslashInAPasswordIsEscapedInAQuotedString() throws Exception {
        List<List<String>> connections = new CopyOnWriteArrayList<>();
        ScriptResult result = runAgainstRecorder(new Account("user1", "a\"b\\c d", true), connections);

        assertThat(result.outcome()).as(result.reason().orElse("")).isEqualTo(Outcome.PASSED);
        assertThat(scriptSession(connections)).startsWith("LOGIN user1 \"a\\\"b\\\\c d\"", "SELECT INBOX");
    }

    /**
     * The lines of the script's own session (the one that sent the script's NOOP); capability
     * discovery and the mailbox check before it use the library client.
     */
    private static List<String> scriptSession(List<List<String>> connections) {
        return connections.stream().filter(lines -> lines.contains("NOOP")).findFirst().orElseThrow();
    }

    /** Runs a one-NOOP script; the fake server records the lines of each connection, without the tag. */
    private static ScriptResult runAgainstRecorder(Account account, List<List<String>> connections) throws Exception {
        try (FakeMailServer server = FakeMailServer.start(client -> {
            List<String> received = new CopyOnWriteArrayList<>();
            connections.add(received);
            record(client, received);
        })) {
            return OneNoopScript.run(server, account, "A< OK\n");
        }
    }

    /** Asks for a literal's octets when a line announces one ({n} at its end), and answers OK to the rest. */
    private static void record(FakeMailServer.Client client, List<String> received) throws IOException {
        client.sendLine("* OK fake ready");
        for (String line; (line = client.readLine()) != null; ) {
            String tag = line.split(" ")[0];
            String rest = line.substring(Math.min(line.length(), tag.length() + 1));
            received.add(rest);
            if (rest.matches(".*\\{\\d+}")) {
                client.sendLine("+ go on");
                received.add(client.expectLine());
                client.sendLine(tag + " OK logged in");
                continue;
            }
            String verb = rest.split(" ")[0].toUpperCase();
            client.send(switch (verb) {
                case "SELECT" -> "* 0 EXISTS\r\n" + tag + " OK [READ-WRITE] done\r\n";
                case "LOGOUT" -> "* BYE bye\r\n" + tag + " OK done\r\n";
                default -> tag + " OK done\r\n";
            });
            if (verb.equals("LOGOUT")) {
                return;
            }
        }
    }
}
