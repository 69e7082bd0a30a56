package io.maildrill.pop3;

import java.util.Objects;

/**
 * A reply that arrived while no command was waiting for one (garbage, or lines after a complete
 * reply). The decoder emits it wrapped, so the session does not match it to a later command.
 */
public record Pop3UnsolicitedReply(Pop3Reply reply) {
    public Pop3UnsolicitedReply {
        Objects.requireNonNull(reply, "reply");
    }
}
