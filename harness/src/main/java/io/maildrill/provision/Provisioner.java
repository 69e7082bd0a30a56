package io.maildrill.provision;

import io.maildrill.target.Account;

/**
 * Fills a mailbox with fixture messages as fast as the server allows. Implementations differ in
 * the path they use (IMAP APPEND, LMTP/SMTP delivery, the embedded server's API); all keep the
 * message order, so message {@code i} of the source becomes sequence number {@code i + 1}
 * when the mailbox started empty and one connection was used (parallel connections may reorder).
 */
public interface Provisioner {

    /** A short name for summaries: "IMAP APPEND (LITERAL+, 4 connections)". */
    String method();

    ProvisionResult fill(Account account, String mailbox, MessageSource messages, ProvisionProgress progress);
}
