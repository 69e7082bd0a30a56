package io.maildrill.script.ast;

import java.util.Locale;
import java.util.Optional;

/** The protocol a session speaks. */
public enum Protocol {
    IMAP,
    POP3;

    /** Parses {@code imap} / {@code pop3} in any case. */
    public static Optional<Protocol> fromWord(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "imap" -> Optional.of(IMAP);
            case "pop3" -> Optional.of(POP3);
            default -> Optional.empty();
        };
    }
}
