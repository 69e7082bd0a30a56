package io.maildrill.pop3;

import io.maildrill.net.MalformedReply;
import java.util.Objects;

/**
 * A reply (or stray input) that the decoder could not frame or parse; the decoder resynchronised
 * after it, at the next line (or, for an oversized multi-line reply, after its terminator).
 *
 * <p>When the malformed line was the status line of a reply expected to be multi-line, the decoder
 * cannot know whether content lines follow; any that do are read as further (malformed or
 * unsolicited) replies. A check that gets this value should treat the session as out of step.
 */
public record Pop3Malformed(MalformedReply malformed) implements Pop3Reply {

    public Pop3Malformed {
        Objects.requireNonNull(malformed, "malformed");
    }

    @Override
    public boolean isOk() {
        return false;
    }

    @Override
    public String describe() {
        return "malformed reply: " + malformed.describe();
    }
}
