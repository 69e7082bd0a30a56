package io.maildrill.pop3;

import io.maildrill.net.MalformedReply;
import io.maildrill.net.ProtocolException;

/** A reply that framed correctly but whose content (STAT, scan or unique-id listing) does not parse. */
public final class Pop3ParseException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    private final transient MalformedReply malformed;

    public Pop3ParseException(MalformedReply malformed) {
        super(malformed.describe());
        this.malformed = malformed;
    }

    /** The offending line, where in it parsing failed, and what was expected. */
    public MalformedReply malformed() {
        return malformed;
    }
}
