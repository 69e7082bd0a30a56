package io.maildrill.load;

import java.time.Instant;
import java.util.Objects;

/**
 * One response the oracle caught breaking a rule.
 *
 * @param rule     the rule broken
 * @param at       when it arrived
 * @param session  which simulated session ({@code user13/2}: account and session number)
 * @param command  the command in progress, as sent (no secrets: LOGIN is never checked)
 * @param response the server's response, as received (shortened)
 * @param expected what the model expected, in words
 */
public record Violation(OracleRule rule, Instant at, String session, String command, String response, String expected) {

    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(expected, "expected");
    }

    @Override
    public String toString() {
        return rule.id() + " (" + rule.catalogId() + ", " + rule.section() + ") in session " + session + ", during "
                + command + ": the server sent \"" + response + "\"; expected " + expected;
    }
}
