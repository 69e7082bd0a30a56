package io.maildrill.pop3;

/**
 * What the client expects for one command's reply. POP3 replies are untagged, so the decoder
 * cannot tell a multi-line reply from a single-line one by looking at it: it is told, in send
 * order, by the session.
 */
public enum Pop3ResponseExpectation {
    /** Only a status line (or a {@code +} SASL continuation). */
    SINGLE_LINE,
    /**
     * A status line and, when it is {@code +OK}, content lines up to a {@code "."} line. A
     * {@code -ERR} or {@code +} continuation is always a single line (RFC 1939 section 3).
     */
    MULTI_LINE_IF_OK
}
