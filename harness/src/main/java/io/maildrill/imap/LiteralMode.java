package io.maildrill.imap;

import java.util.Set;

/**
 * How literals are announced, from the server's capabilities: LITERAL+ (RFC 7888) allows
 * {@code {n+}} for any size, LITERAL- only up to 4096 octets; otherwise every literal is
 * synchronizing and waits for the server's continuation.
 */
public enum LiteralMode {
    SYNCHRONIZING, LITERAL_PLUS, LITERAL_MINUS;

    public static final int LITERAL_MINUS_MAX = 4096;

    public static LiteralMode from(Set<String> capabilities) {
        if (capabilities.stream().anyMatch("LITERAL+"::equalsIgnoreCase)) {
            return LITERAL_PLUS;
        }
        if (capabilities.stream().anyMatch("LITERAL-"::equalsIgnoreCase)) {
            return LITERAL_MINUS;
        }
        return SYNCHRONIZING;
    }

    /** Whether a literal of this size may be sent without waiting for a continuation. */
    public boolean nonSynchronizing(long size) {
        return switch (this) {
            case SYNCHRONIZING -> false;
            case LITERAL_PLUS -> true;
            case LITERAL_MINUS -> size <= LITERAL_MINUS_MAX;
        };
    }
}
