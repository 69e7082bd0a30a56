package io.maildrill.load;

/**
 * The steps a POP3 persona's cycle is made of: a mail client that downloads what is new and
 * deletes it. POP3 has no pipelining here, so each step waits for its answers before the next.
 */
public enum Pop3Step implements StepCommand {
    /** Connect, greeting, {@code USER} and {@code PASS} (the password comes from the environment and is never shown). */
    LOGIN,
    /** {@code STAT}. */
    STAT,
    /** {@code LIST}: every message's number and size. */
    LIST,
    /** {@code UIDL}: every message's unique-id, which tells what is new. */
    UIDL,
    /**
     * {@code RETR n} of each message whose unique-id this user has not downloaded before (and of
     * one a QUIT removed, should it be listed again); needs this session's UIDL.
     */
    RETR,
    /** {@code DELE n} of each listed message this user has downloaded. */
    DELE,
    /** {@code QUIT}: the UPDATE state removes what was marked; the next cycle logs in again. */
    QUIT,
    /** Closes the connection without QUIT: nothing marked may be removed (RFC 1939 §6). */
    DROP;

    @Override
    public LoadProfile.Protocol protocol() {
        return LoadProfile.Protocol.POP3;
    }

    @Override
    public String kind() {
        return "POP3-" + name();
    }

    @Override
    public boolean changesMailbox() {
        return this == DELE;
    }

    /** Whether the step ends the session: the next one logs in on a new connection. */
    boolean endsSession() {
        return this == QUIT || this == DROP;
    }
}
