package io.maildrill.pop3;

/**
 * Departures from the wire format that the decoder tolerates (it still frames the reply) but
 * records, so that a conformance check can report them instead of them being silently hidden.
 */
public enum Pop3Deviation {
    /** A line ended in LF without the CR that RFC 1939 requires. */
    BARE_LF,
    /** A CR appeared that was not immediately followed by LF. */
    BARE_CR
}
