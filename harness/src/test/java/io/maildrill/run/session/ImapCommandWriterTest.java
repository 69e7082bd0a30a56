package io.maildrill.run.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildrill.imap.LiteralMode;
import io.maildrill.imap.codec.ImapCommandEncoder;
import io.maildrill.run.match.Value;
import io.maildrill.script.ast.ByteString;
import io.maildrill.script.ast.CommandPart;
import io.maildrill.script.ast.Pattern;
import io.maildrill.transcript.CredentialRedactor;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Script parts to wire segments and shown text, over synthetic values: no connection involved. */
class ImapCommandWriterTest {

    private final CredentialRedactor redactor = new CredentialRedactor();
    private final Map<String, String> variables = Map.of("password", "s3cret pw", "user", "alice", "x", "abc");

    private final ImapCommandWriter writer = new ImapCommandWriter("A", new ImapCommandWriter.Values() {
        @Override
        public Value variable(int line, String name, String shownSoFar) {
            String value = variables.get(name);
            if (value == null) {
                throw new StepFailure(line, "A", shownSoFar, "$" + name + " bound", "$" + name + " is not bound");
            }
            return new Value.Bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String messageRef(int line, int k, Pattern.RefKind kind) {
            return kind == Pattern.RefKind.UID ? "10" + k : Integer.toString(k);
        }

        @Override
        public String scratchMailbox(String name) {
            return "INBOX.maildrill-" + name;
        }

        @Override
        public byte[] fixtureMessage(int k) {
            return ("message " + k + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
    }, redactor);

    private static List<String> segments(ImapCommandWriter.Written written) {
        return ImapCommandEncoder.encode(written.tag(), written.command(), LiteralMode.LITERAL_PLUS).segments().stream()
                .map(ImapCommandWriterTest::text).toList();
    }

    private static String text(ByteBuf buf) {
        String s = buf.toString(StandardCharsets.ISO_8859_1);
        buf.release();
        return s;
    }

    @Test
    void textVariablesAndReferencesGoOutAsWrittenAndSecretsAreShownRedacted() {
        var written = writer.command(3, "A7", List.of(new CommandPart.Text("LOGIN "), new CommandPart.Variable("user"),
                new CommandPart.Text(" "), new CommandPart.Variable("password")));
        assertThat(segments(written)).containsExactly("A7 LOGIN alice s3cret pw\r\n");
        assertThat(written.shown()).isEqualTo("A7 LOGIN alice <redacted>").doesNotContain("s3cret");
        assertThat(written.verb()).isEqualTo("LOGIN");
    }

    @Test
    void eachLiteralIsAnnouncedAsTheScriptWroteItWhateverTheServerAdvertises() {
        var written = writer.command(1, "A1", List.of(new CommandPart.Text("APPEND "), new CommandPart.ScratchMailbox("m"),
                new CommandPart.Text(" "), new CommandPart.FixtureLiteral(2, false),
                new CommandPart.Text(" "), new CommandPart.Literal(ByteString.of("hi".getBytes(StandardCharsets.US_ASCII)), true)));
        // encoded with LITERAL+ advertised: the synchronizing one still waits for "+", the {n+} one does not
        assertThat(segments(written)).containsExactly("A1 APPEND \"INBOX.maildrill-m\" {11}\r\n",
                "message 2\r\n {2+}\r\nhi\r\n");
        assertThat(written.shown()).isEqualTo("A1 APPEND \"INBOX.maildrill-m\" {11}\r\n<11 octets> {2+}\r\n<2 octets>");
    }

    @Test
    void aSilentStoreIsReadFromTheResolvedReferencesNotFromTheShownText() {
        var written = writer.command(1, "A2", List.of(new CommandPart.Text("UID STORE "),
                new CommandPart.MessageRef(4, Pattern.RefKind.UID), new CommandPart.Text(" +FLAGS.SILENT (\\Deleted)")));
        assertThat(written.silentStore()).contains(new SilentStore(true, "104", '+', java.util.Set.of("\\DELETED")));
        assertThat(written.verb()).isEqualTo("UID STORE");
        assertThat(writer.command(1, "A3", List.of(new CommandPart.Text("STORE 1 +FLAGS (\\Seen)"))).silentStore()).isEmpty();
    }

    @Test
    void aSelectIsKnownAsOneAndAVariableLiteralCarriesTheValuesOctets() {
        var written = writer.command(1, "A4", List.of(new CommandPart.Text("SELECT "), new CommandPart.VariableLiteral("x", false)));
        assertThat(written.selects()).isTrue();
        assertThat(segments(written)).containsExactly("A4 SELECT {3}\r\n", "abc\r\n");
    }

    @Test
    void anUnboundVariableFailsTheStepNamingIt() {
        assertThatThrownBy(() -> writer.command(9, "A5", List.of(new CommandPart.Text("FETCH "), new CommandPart.Variable("nope"))))
                .isInstanceOf(StepFailure.class).hasMessageContaining("$nope is not bound");
    }

    @Test
    void anAnswerIsOneLineAndRefusesALiteral() {
        var answer = writer.answer(2, List.of(new CommandPart.Variable("password")));
        assertThat(new String(answer.octets(), StandardCharsets.US_ASCII)).isEqualTo("s3cret pw\r\n");
        assertThat(answer.shown()).isEqualTo("<redacted>");
        assertThatThrownBy(() -> writer.answer(2, List.of(new CommandPart.FixtureLiteral(1, false))))
                .isInstanceOf(StepFailure.class).hasMessageContaining("a literal in an answer");
    }
}
