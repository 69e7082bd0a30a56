package io.maildrill.imap;

import java.util.Optional;

/** Status word of a tagged or untagged status response. */
public enum Status {
    OK, NO, BAD, PREAUTH, BYE;

    private static final Status[] ALL = values();

    /** Parses a status word case-insensitively. */
    public static Optional<Status> parse(String word) {
        if (word.length() > 7) {
            return Optional.empty();
        }
        for (Status s : ALL) {
            if (s.name().equalsIgnoreCase(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
