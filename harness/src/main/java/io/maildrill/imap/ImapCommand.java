package io.maildrill.imap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A command without its tag, as parts: protocol text and literal payloads. The tag is added when
 * the command is sent (automatic {@code A0001}, or the explicit one given with {@link #withTag}).
 * The encoder decides per literal whether it is synchronizing ({@code {n}}, waits for the
 * server's {@code +}) or not ({@code {n+}}), from the capabilities the server advertised.
 *
 * <pre>
 * ImapCommand.of("SELECT INBOX")
 * ImapCommand.builder("APPEND").arg("INBOX").raw("(\\Seen)").literal(message).build()
 * </pre>
 */
public final class ImapCommand {

    /** One piece of a command. */
    public sealed interface Part permits Text, Literal {
    }

    /** Protocol text sent as is. */
    public record Text(byte[] bytes) implements Part {
    }

    /**
     * A literal payload; {@code binary} means literal8 ({@code ~{n}}, RFC 3516). {@code announce}
     * says whether it waits for the server's {@code +}: as the capabilities allow, or as given.
     */
    public record Literal(byte[] bytes, boolean binary, Announce announce) implements Part {
        public Literal(byte[] bytes, boolean binary) {
            this(bytes, binary, Announce.AS_ADVERTISED);
        }
    }

    /** How a literal is announced. */
    public enum Announce {
        /** Non-synchronizing where the server's LITERAL+ or LITERAL- allows it, else synchronizing. */
        AS_ADVERTISED,
        /** {@code {n}}, whatever the server advertises. */
        SYNCHRONIZING,
        /** {@code {n+}}, whatever the server advertises (a test of how the server takes it). */
        NON_SYNCHRONIZING
    }

    private final List<Part> parts;
    private final Optional<String> tag;

    private ImapCommand(List<Part> parts, Optional<String> tag) {
        this.parts = List.copyOf(parts);
        this.tag = tag;
    }

    /** A command given as one line of text (UTF-8), e.g. {@code "UID FETCH 1:* (FLAGS)"}. */
    public static ImapCommand of(String text) {
        return new ImapCommand(List.of(new Text(text.getBytes(StandardCharsets.UTF_8))), Optional.empty());
    }

    public static Builder builder(String verb) {
        return new Builder(verb);
    }

    /** A command assembled from octets exactly as given ({@link Builder#verbatim}), no spaces added. */
    public static Builder verbatim() {
        return new Builder("");
    }

    /** The same command with an explicit tag instead of an automatic one. */
    public ImapCommand withTag(String explicitTag) {
        return new ImapCommand(parts, Optional.of(Objects.requireNonNull(explicitTag, "tag")));
    }

    public Optional<String> tag() {
        return tag;
    }

    public List<Part> parts() {
        return parts;
    }

    /** The first word, upper-cased ({@code UID} commands give {@code UID}). */
    public String verb() {
        String text = parts.get(0) instanceof Text t ? new String(t.bytes(), StandardCharsets.ISO_8859_1) : "";
        int space = text.indexOf(' ');
        return (space < 0 ? text : text.substring(0, space)).trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Text t) {
                sb.append(new String(t.bytes(), StandardCharsets.ISO_8859_1));
            } else if (p instanceof Literal l) {
                sb.append(l.binary() ? "~{" : "{").append(l.bytes().length).append("}");
            }
        }
        return sb.toString();
    }

    /** Appends arguments, each preceded by one space. */
    public static final class Builder {
        private final List<Part> parts = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        private Builder(String verb) {
            text.append(verb);
        }

        /** Protocol text as is (a list, a sequence set, a search key...). */
        public Builder raw(String protocolText) {
            text.append(' ').append(protocolText);
            return this;
        }

        /** A string argument sent as atom, quoted string or literal, whichever is needed. */
        public Builder arg(String value) {
            return arg(value.getBytes(StandardCharsets.UTF_8));
        }

        /** A string argument sent as atom, quoted string or literal, whichever is needed. */
        public Builder arg(byte[] value) {
            switch (ArgumentForm.choose(value)) {
                case ATOM -> text.append(' ').append(new String(value, StandardCharsets.US_ASCII));
                case QUOTED -> text.append(' ').append(ArgumentForm.quote(value));
                case LITERAL -> literal(value);
            }
            return this;
        }

        /** A literal, whatever the content. */
        public Builder literal(byte[] value) {
            return addLiteral(value, false);
        }

        /** Octets exactly as given, without a space before them. */
        public Builder verbatim(byte[] octets) {
            flushText();
            parts.add(new Text(octets.clone()));
            return this;
        }

        /** A literal announced as {@code announce} says, without a space before it. */
        public Builder verbatimLiteral(byte[] value, Announce announce) {
            flushText();
            parts.add(new Literal(value, false, announce));
            return this;
        }

        /** A literal8 ({@code ~{n}}) for binary content (APPEND with BINARY). */
        public Builder literal8(byte[] value) {
            return addLiteral(value, true);
        }

        private Builder addLiteral(byte[] value, boolean binary) {
            text.append(' ');
            flushText();
            parts.add(new Literal(value, binary));
            return this;
        }

        private void flushText() {
            if (!text.isEmpty()) {
                parts.add(new Text(text.toString().getBytes(StandardCharsets.UTF_8)));
                text.setLength(0);
            }
        }

        public ImapCommand build() {
            flushText();
            return new ImapCommand(parts, Optional.empty());
        }
    }
}
