package io.maildrill.load;

/**
 * The IMAP steps a persona can take. Each names one command kind in the statistics (the names are
 * imaptest's, so its per-second lines and ours compare column by column).
 */
public enum ImapStep {
    /** Connect (greeting) and LOGIN; the step every cycle starts from when not connected. */
    LOGIN(false),
    /** {@code LIST "" *}. */
    LIST(false),
    /** {@code STATUS mailbox (MESSAGES UIDNEXT UNSEEN)}. */
    STATUS(false),
    /** {@code SELECT mailbox}: a fresh view of the mailbox for the oracle. */
    SELECT(false),
    /** {@code FETCH lo:hi (UID FLAGS RFC822.SIZE ENVELOPE)} over a random range: the headers-first listing. */
    FETCH(true),
    /** {@code FETCH n (UID RFC822.SIZE BODY.PEEK[])} of a random message: opening one. */
    FETCH2(true),
    /** {@code STORE lo:hi ±FLAGS (keywords)} over a random range. */
    STORE(true),
    /** {@code STORE lo:hi +FLAGS (\Deleted)}: marks messages for expunge (only above half the target size). */
    DELETE(true),
    /** {@code EXPUNGE}. */
    EXPUNGE(true),
    /** {@code APPEND mailbox} of a corpus message (only below the target size). */
    APPEND(false),
    /** {@code NOOP}: the poll. */
    NOOP(false),
    /** {@code LOGOUT}; the next cycle logs in again. */
    LOGOUT(false);

    private final boolean needsMessages;

    ImapStep(boolean needsMessages) {
        this.needsMessages = needsMessages;
    }

    /** Whether the step names messages, so is skipped in an empty or unselected mailbox. */
    public boolean needsMessages() {
        return needsMessages;
    }
}
