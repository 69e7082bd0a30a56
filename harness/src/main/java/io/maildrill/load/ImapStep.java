package io.maildrill.load;

/**
 * The IMAP steps a persona can take. Each names one command kind in the statistics (the names are
 * imaptest's, so its per-second lines and ours compare column by column).
 */
public enum ImapStep implements StepCommand {
    /** Connect (greeting) and LOGIN; the step every cycle starts from when not connected. */
    LOGIN(Use.OTHER),
    /** {@code LIST "" *}. */
    LIST(Use.OTHER),
    /** {@code STATUS mailbox (MESSAGES UNSEEN RECENT)}. */
    STATUS(Use.OTHER),
    /** {@code SELECT mailbox}, with {@code (CONDSTORE)} when advertised: a fresh view for the oracle. */
    SELECT(Use.OTHER),
    /** {@code FETCH set (UID ...)}: up to 100 random messages, one to four random items (imaptest's FETCH). */
    FETCH(Use.READS_FLAGS),
    /** {@code FETCH n (UID item)} of one random message, a header or body section (imaptest's FETCH2). */
    FETCH2(Use.READS_MESSAGES),
    /** {@code STORE set ±FLAGS[.SILENT] (flags)} over random messages. */
    STORE(Use.WRITES_FLAGS),
    /** {@code STORE set +FLAGS[.SILENT] (\Deleted)}: marks zero or one messages, more above the target size. */
    DELETE(Use.WRITES_FLAGS),
    /** {@code EXPUNGE}. */
    EXPUNGE(Use.OTHER),
    /** {@code APPEND mailbox} of a corpus message (only while below the target size). */
    APPEND(Use.OTHER),
    /** {@code NOOP}: the poll. */
    NOOP(Use.OTHER),
    /**
     * {@code IDLE} (RFC 2177), left with DONE after the persona's idle time or at the run's end; every
     * response pushed meanwhile goes through the oracle as it arrives. Always sent alone.
     */
    IDLE(Use.OTHER),
    /** {@code LOGOUT}; the next cycle logs in again. */
    LOGOUT(Use.OTHER);

    /** How a step uses the selected mailbox, which decides what may be pipelined with it (RFC 3501 §5.5). */
    enum Use {
        /** FETCH that may return FLAGS: sequence numbers, no EXPUNGE while it runs. */
        READS_FLAGS,
        /** FETCH of other items: sequence numbers, no EXPUNGE while it runs. */
        READS_MESSAGES,
        /** STORE: sequence numbers, no EXPUNGE while it runs. */
        WRITES_FLAGS,
        /** Every other command: no sequence numbers, but the server may send EXPUNGE during it. */
        OTHER
    }

    private final Use use;

    ImapStep(Use use) {
        this.use = use;
    }

    /** Whether the step names messages, so is skipped in an empty or unselected mailbox. */
    public boolean needsMessages() {
        return use != Use.OTHER || this == EXPUNGE || this == IDLE;
    }

    @Override
    public LoadProfile.Protocol protocol() {
        return LoadProfile.Protocol.IMAP;
    }

    @Override
    public boolean changesMailbox() {
        return this == STORE || this == DELETE || this == EXPUNGE || this == APPEND;
    }

    /** Whether the command names messages by sequence number (FETCH and STORE here). */
    boolean usesSequenceNumbers() {
        return use != Use.OTHER;
    }

    /** Whether the server may send EXPUNGE while it runs: any command but FETCH, STORE and SEARCH (RFC 3501 §7.4.1). */
    boolean allowsExpunge() {
        return use == Use.OTHER;
    }

    Use use() {
        return use;
    }
}
