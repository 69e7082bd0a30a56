package io.maildrill.pop3;

import io.maildrill.net.MalformedReply;
import java.util.Objects;

/** A reply (or stray input) that the decoder could not frame or parse; the decoder resynchronised after it. */
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
