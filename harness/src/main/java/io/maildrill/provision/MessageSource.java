package io.maildrill.provision;

/**
 * The messages to put into a mailbox, by index, generated on demand so that a million-message
 * fixture never sits in memory. Implementations must be safe to call from several threads.
 */
public interface MessageSource {

    long count();

    /** The exact RFC 5322 bytes (CRLF line ends) of message {@code index}, 0-based. */
    byte[] message(long index);
}
