package io.maildrill.imap;

import java.util.Optional;

/**
 * One address of an ENVELOPE address list: {@code (name adl mailbox host)}. A group start has
 * a mailbox (the group name) and no host; a group end has neither.
 */
public record Address(Optional<String> name, Optional<String> adl, Optional<String> mailbox, Optional<String> host) {

    /** {@code mailbox@host}, or just the mailbox part for group markers. */
    public String email() {
        return mailbox.orElse("") + host.map(h -> "@" + h).orElse("");
    }

    @Override
    public String toString() {
        return name.map(n -> n + " <" + email() + ">").orElse(email());
    }
}
