package io.maildrill.suites;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.script.ast.Script;
import io.maildrill.script.parse.ScriptParseException;
import io.maildrill.script.parse.ScriptParser;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped script parses, names a catalog ID in the directory's protocol, and does not assume
 * an order of the POP3 maildrop.
 */
class ScriptResourcesParseTest {

    private static List<Path> scripts() throws Exception {
        Path root = scriptRoot();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".script")).sorted().toList();
        }
    }

    private static Path scriptRoot() throws URISyntaxException {
        return Path.of(ScriptResourcesParseTest.class.getResource("/scripts").toURI());
    }

    @Test
    void thereAreScriptsForBothProtocols() throws Exception {
        assertThat(scripts()).anyMatch(p -> p.toString().contains("/pop3/")).anyMatch(p -> p.toString().contains("/imap/"));
    }

    @TestFactory
    Stream<DynamicTest> everyScriptParses() throws Exception {
        Path root = scriptRoot();
        return scripts().stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), file.toUri(), () -> {
            Script script;
            try {
                script = ScriptParser.parse(file);
            } catch (ScriptParseException e) {
                throw new AssertionError(e.getMessage(), e);
            }
            String protocolDir = root.relativize(file).getName(0).toString();
            // A cross-protocol script checks a POP3 or an IMAP requirement (or both); a security
            // script may check only a security requirement (S-IDs have no protocol of their own).
            String catalogLetters = switch (protocolDir) {
                case "pop3" -> "P";
                case "cross" -> "PI";
                default -> "I";
            } + (root.relativize(file).toString().contains("/security/") ? "S" : "");
            assertThat(script.metadata().covers()).anyMatch(id -> catalogLetters.indexOf(id.charAt(0)) >= 0);
            assertThat(script.statements()).isNotEmpty();
        }));
    }

    private static final Pattern FIXTURE_COUNT = Pattern.compile("^@fixture\\s.*\\bmessages=(\\d+)");
    private static final Pattern POP3_SESSION = Pattern.compile("^session\\s+(\\S+)\\s+pop3\\b");
    private static final Pattern FIXTURE_IDENTITY = Pattern.compile("#\\d|\\bfixture\\.");
    private static final Pattern MESSAGE_COMMAND = Pattern.compile("^(\\S+)> (RETR|DELE|TOP|LIST|UIDL) (\\d+)\\b");

    /**
     * RFC 1939 gives the maildrop no order (Courier numbers in directory order), so in a script that
     * ties messages to fixture messages ({@code #k}, {@code fixture.…}) a POP3 command meant to
     * succeed names its message as {@code #k}: a plain number in range picks whichever message the
     * server put there, and the later {@code #k} or fixture check fails on a correct server. Plain
     * numbers stay right where only the session's numbering matters (no fixture identity in the
     * script), for replies that must be -ERR, for one-message fixtures and for numbers read from
     * the server ({@code $n}).
     */
    @Test
    void pop3CommandsThatMustSucceedNameFixtureMessagesByReference() throws Exception {
        Path root = scriptRoot();
        List<String> assumingAnOrder = new ArrayList<>();
        for (Path file : scripts()) {
            List<String> lines = Files.readAllLines(file);
            int messages = 0;
            Set<String> pop3Sessions = new HashSet<>();
            for (String line : lines) {
                Matcher fixture = FIXTURE_COUNT.matcher(line);
                if (fixture.find()) {
                    messages = Integer.parseInt(fixture.group(1));
                }
                Matcher session = POP3_SESSION.matcher(line);
                if (session.find()) {
                    pop3Sessions.add(session.group(1));
                }
            }
            boolean tiesToFixtureMessages = lines.stream().anyMatch(l -> !l.startsWith("#") && FIXTURE_IDENTITY.matcher(l).find());
            for (int i = 0; i < lines.size() && messages >= 2 && tiesToFixtureMessages; i++) {
                Matcher command = MESSAGE_COMMAND.matcher(lines.get(i));
                if (!command.find() || !pop3Sessions.contains(command.group(1))) {
                    continue;
                }
                long number = Long.parseLong(command.group(3));
                String reply = nextLineOf(lines, i, command.group(1) + "< ");
                if (number >= 1 && number <= messages && reply.startsWith(command.group(1) + "< +OK")) {
                    assumingAnOrder.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i));
                }
            }
        }
        assertThat(assumingAnOrder).as("POP3 commands expected to succeed on a plain message number").isEmpty();
    }

    private static final Pattern SINGLE_MESSAGE_QUERY = Pattern.compile("^(\\S+)> (LIST|UIDL) #\\d+\\s*$");
    private static final Pattern LITERAL_NUMBER_REPLY = Pattern.compile("^\\S+< \\+OK \\d+\\b");
    private static final Pattern MARK_BY_REFERENCE = Pattern.compile("^(\\S+)> DELE #\\d+");
    private static final Pattern UNMARK = Pattern.compile("^(\\S+)> (RSET|QUIT)\\b");
    private static final Pattern LITERAL_LISTING_LINE = Pattern.compile("^(\\S+)< (not )?line \\d+\\b");

    /**
     * The reply side of the same rule: the server numbers fixture message k as it likes, so the
     * reply to {@code LIST #k} or {@code UIDL #k} names {@code #k}, not the number k; and once a
     * session has marked {@code DELE #k}, which numbers its listings still hold depends on that
     * order too, so its {@code line} patterns name {@code #k} until RSET or QUIT.
     */
    @Test
    void pop3RepliesNameFixtureMessagesByReference() throws Exception {
        Path root = scriptRoot();
        List<String> assumingAnOrder = new ArrayList<>();
        for (Path file : scripts()) {
            List<String> lines = Files.readAllLines(file);
            Set<String> marking = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                Matcher query = SINGLE_MESSAGE_QUERY.matcher(line);
                if (query.find() && LITERAL_NUMBER_REPLY.matcher(nextLineOf(lines, i, query.group(1) + "< ")).find()) {
                    assumingAnOrder.add(root.relativize(file) + ":" + (i + 2) + ": reply to " + line.strip());
                }
                Matcher mark = MARK_BY_REFERENCE.matcher(line);
                if (mark.find()) {
                    marking.add(mark.group(1));
                }
                Matcher unmark = UNMARK.matcher(line);
                if (unmark.find()) {
                    marking.remove(unmark.group(1));
                }
                Matcher listing = LITERAL_LISTING_LINE.matcher(line);
                if (listing.find() && marking.contains(listing.group(1))) {
                    assumingAnOrder.add(root.relativize(file) + ":" + (i + 1) + ": " + line.strip() + " after DELE #k");
                }
            }
        }
        assertThat(assumingAnOrder).as("POP3 replies expected to carry a plain message number").isEmpty();
    }

    private static String nextLineOf(List<String> lines, int from, String prefix) {
        for (int j = from + 1; j < lines.size(); j++) {
            if (lines.get(j).startsWith(prefix)) {
                return lines.get(j);
            }
        }
        return "";
    }
}
