package io.maildrill.imap;

import java.util.Optional;

/** Status word of a tagged or untagged status response. */
public enum Status {
    OK, NO, BAD, PREAUTH, BYE;

    /** Parses a status word case-insensitively. */
    public static Optional<Status> parse(String word) {
        for (Status s : values()) {
            if (s.name().equalsIgnoreCase(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
