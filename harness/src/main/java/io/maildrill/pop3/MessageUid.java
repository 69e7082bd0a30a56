package io.maildrill.pop3;

import java.util.Objects;

/** One unique-id listing: message number and unique id, as the server reported them ({@code UIDL}). */
public record MessageUid(int number, String uid) {
    public MessageUid {
        Objects.requireNonNull(uid, "uid");
        if (number < 1) {
            throw new IllegalArgumentException("number: " + number + " (expected: >= 1)");
        }
    }
}
