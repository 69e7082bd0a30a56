package io.maildrill.script.ast;

import java.util.Optional;

/**
 * Completion status words: IMAP tagged OK/NO/BAD, POP3 +OK/-ERR. {@link #BYE} is the IMAP alternative
 * "no tagged completion: an untagged {@code * BYE} and the connection closed" (RFC 3501 section 7.1.5
 * lets a server end a session that way instead of answering), e.g. {@code A< BAD|NO|BYE}.
 */
public enum StatusWord {
    OK("OK", Protocol.IMAP),
    NO("NO", Protocol.IMAP),
    BAD("BAD", Protocol.IMAP),
    BYE("BYE", Protocol.IMAP),
    PLUS_OK("+OK", Protocol.POP3),
    MINUS_ERR("-ERR", Protocol.POP3),
    /** POP3 SASL continuation ({@code + base64}, RFC 5034 §4): the server awaits the client's response line. */
    PLUS("+", Protocol.POP3),
    /**
     * Either protocol, only beside another word ({@code A< OK|closed}): instead of any answer the
     * server closes the connection, which ends the session (a refusal that executes nothing, e.g.
     * of STARTTLS with injected cleartext behind it).
     */
    CLOSED("closed", null);

    private final String wire;
    private final Protocol protocol;

    StatusWord(String wire, Protocol protocol) {
        this.wire = wire;
        this.protocol = protocol;
    }

    public String wire() {
        return wire;
    }

    /** The protocol the word belongs to; empty for {@link #CLOSED}, which both have. */
    public Optional<Protocol> protocol() {
        return Optional.ofNullable(protocol);
    }

    /** Exact, upper-case match: scripts write status words as the RFCs do. */
    public static Optional<StatusWord> fromWire(String word) {
        for (StatusWord s : values()) {
            if (s.wire.equals(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
