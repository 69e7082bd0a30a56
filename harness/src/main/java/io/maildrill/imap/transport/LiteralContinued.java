package io.maildrill.imap.transport;

import io.maildrill.imap.ImapResponse;

/**
 * Passed up the pipeline in place of a continuation request that {@link ImapTransport} answered
 * by sending the next literal of command {@code tag}: a consumer that answers continuations itself
 * (SASL, IDLE) must not see it as one for it, and one that records everything (the script runner)
 * still can.
 */
public record LiteralContinued(String tag, ImapResponse.Continuation continuation) {
}
