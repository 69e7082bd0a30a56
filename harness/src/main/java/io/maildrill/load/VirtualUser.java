package io.maildrill.load;

/** One simulated user of a run, IMAP ({@link ImapVirtualUser}) or POP3 ({@link Pop3VirtualUser}), as {@link UserDealer} makes it. */
interface VirtualUser {

    /** Starts the persona's cycle after {@code delayNanos} (the ramp-up's stagger). */
    void start(long delayNanos);
}
