package io.maildrill.run.session;

import io.maildrill.imap.ArgumentForm;
import io.maildrill.imap.ImapCommand;
import io.maildrill.run.match.Value;
import io.maildrill.script.ast.BuiltInVariables;
import io.maildrill.script.ast.CommandPart;
import io.maildrill.script.ast.Pattern;
import io.maildrill.transcript.CredentialRedactor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a script's command parts into what goes on the wire and what reports show, touching no
 * connection: the {@link ImapCommand} (text as written, literals announced as the script wrote
 * them), the text shown with credentials and secret variables redacted and literals as their size,
 * and the facts the session needs at send time (the verb, a silent STORE's flag change), read from
 * the resolved parts rather than from the redacted text.
 */
final class ImapCommandWriter {

    /** What the parts stand for in the session: variables, message references, mailboxes, fixture octets. */
    interface Values {
        /** The value of {@code $name}; {@code shownSoFar} is for the failure when it is unbound. */
        Value variable(int line, String name, String shownSoFar);

        /** {@code #k} or {@code #k.uid} as the number to send. */
        String messageRef(int line, int k, Pattern.RefKind kind);

        /** The server-side name of scratch mailbox {@code name}. */
        String scratchMailbox(String name);

        byte[] fixtureMessage(int k);
    }

    /** A command ready to send: {@code shown} is what transcripts and failures print. */
    record Written(String tag, ImapCommand command, String shown, String verb, Optional<SilentStore> silentStore) {
        boolean selects() {
            return verb.equals("SELECT") || verb.equals("EXAMINE");
        }
    }

    private final String session;
    private final Values values;
    private final CredentialRedactor redactor;

    ImapCommandWriter(String session, Values values, CredentialRedactor redactor) {
        this.session = session;
        this.values = values;
        this.redactor = redactor;
    }

    /** A tagged command line: the parts (the encoder adds the tag before and CRLF after them). */
    Written command(int line, String tag, List<CommandPart> parts) {
        ImapCommand.Builder command = ImapCommand.verbatim(); // the encoder puts the tag and a space first
        StringBuilder shown = new StringBuilder(tag).append(' ');
        // the octets of the line's text parts, before redaction: a STORE holds no secret or literal to hide
        StringBuilder resolved = new StringBuilder();
        for (CommandPart part : parts) {
            Optional<byte[]> inline = inline(line, part, shown);
            if (inline.isPresent()) {
                command.verbatim(inline.get());
                resolved.append(new String(inline.get(), StandardCharsets.UTF_8));
                continue;
            }
            Literal literal = literal(line, part, shown);
            shown.append("{").append(literal.octets.length).append(literal.nonSynchronizing ? "+" : "").append("}\r\n")
                    .append("<").append(literal.octets.length).append(" octets>");
            resolved.append("{").append(literal.octets.length).append("}");
            command.verbatimLiteral(literal.octets, literal.nonSynchronizing
                    ? ImapCommand.Announce.NON_SYNCHRONIZING : ImapCommand.Announce.SYNCHRONIZING);
        }
        return new Written(tag, command.build(), Shown.line(redactor.redact(shown.toString())), verbOf(parts),
                SilentStore.of(resolved.toString()));
    }

    /** A continuation answer ({@code A+>}): one line of inline parts; the octets (CRLF added) and what is shown. */
    Answer answer(int line, List<CommandPart> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder shown = new StringBuilder();
        for (CommandPart part : parts) {
            byte[] octets = inline(line, part, shown).orElseThrow(() ->
                    new StepFailure(line, session, shown.toString(), "a one-line answer", "a literal in an answer"));
            out.writeBytes(octets);
        }
        out.writeBytes(new byte[] {'\r', '\n'});
        return new Answer(out.toByteArray(), Shown.line(redactor.redact(shown.toString())));
    }

    record Answer(byte[] octets, String shown) {
    }

    private record Literal(byte[] octets, boolean nonSynchronizing) {
    }

    /** A part that goes on the command line itself, appended to {@code shown}; empty for a literal. */
    private Optional<byte[]> inline(int line, CommandPart part, StringBuilder shown) {
        String text;
        if (part instanceof CommandPart.Text t) {
            text = t.text();
        } else if (part instanceof CommandPart.Variable v) {
            byte[] octets = values.variable(line, v.name(), shown.toString()).bytes();
            shown.append(BuiltInVariables.secret(v.name()) ? "<redacted>" : new String(octets, StandardCharsets.UTF_8));
            return Optional.of(octets);
        } else if (part instanceof CommandPart.MessageRef ref) {
            text = values.messageRef(line, ref.fixtureIndex(), ref.kind());
        } else if (part instanceof CommandPart.ScratchMailbox m) {
            text = ArgumentForm.quote(values.scratchMailbox(m.name()).getBytes(StandardCharsets.US_ASCII));
        } else {
            return Optional.empty();
        }
        shown.append(text);
        return Optional.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private Literal literal(int line, CommandPart part, StringBuilder shown) {
        if (part instanceof CommandPart.Literal lit) {
            return new Literal(lit.octets().toByteArray(), lit.nonSynchronizing());
        }
        if (part instanceof CommandPart.VariableLiteral vl) {
            return new Literal(values.variable(line, vl.name(), shown.toString()).bytes(), vl.nonSynchronizing());
        }
        CommandPart.FixtureLiteral fl = (CommandPart.FixtureLiteral) part;
        return new Literal(values.fixtureMessage(fl.fixtureIndex()), fl.nonSynchronizing());
    }

    private static String verbOf(List<CommandPart> parts) {
        if (!parts.isEmpty() && parts.get(0) instanceof CommandPart.Text t) {
            String[] words = t.text().trim().split(" ");
            String first = words[0].toUpperCase(Locale.ROOT);
            return first.equals("UID") && words.length > 1 ? "UID " + words[1].toUpperCase(Locale.ROOT) : first;
        }
        return "";
    }
}
