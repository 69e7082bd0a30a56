package io.maildrill.pop3;

/** The status indicator that starts a POP3 reply. */
public enum Pop3Status {
    /** {@code +OK}. */
    OK,
    /** {@code -ERR}. */
    ERR,
    /** {@code +} followed by SP or CRLF: a SASL server challenge (RFC 5034 section 4). */
    CONTINUATION
}
