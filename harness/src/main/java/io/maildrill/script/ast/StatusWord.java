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
    MINUS_ERR("-ERR", Protocol.POP3);

    private final String wire;
    private final Protocol protocol;

    StatusWord(String wire, Protocol protocol) {
        this.wire = wire;
        this.protocol = protocol;
    }

    public String wire() {
        return wire;
    }

    public Protocol protocol() {
        return protocol;
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
