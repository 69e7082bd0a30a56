package io.maildrill.report.model;

/** The mail access protocols a script drives. A cross-protocol script lists both. */
public enum Protocol {
    POP3,
    IMAP;

    /** Parses "pop3"/"POP3"/"imap"/"IMAP". */
    public static Protocol fromLabel(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
