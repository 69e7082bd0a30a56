package io.maildrill.provision;

import io.maildrill.imap.ImapCommand;
import io.maildrill.imap.ImapSession;
import io.maildrill.imap.SelectResult;
import io.maildrill.net.Endpoint;
import io.maildrill.net.TlsSettings;
import io.maildrill.target.Account;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bulk path for a server on this machine that keeps its mail as Maildir++ (Dovecot): the
 * messages are written straight into the account's maildir as files, by a bounded number of
 * writer threads, each generating one message at a time, and then the server indexes them at the
 * first SELECT. No protocol round trip per message, so a million messages take seconds to write
 * instead of half an hour of APPENDs that slow down as the mailbox grows.
 *
 * <p>IMAP is still used around the writing: before, to create the mailbox (so the server makes its
 * folder with its own permissions) and count what it holds; after, to make the server index the
 * new files and to check that it sees exactly the messages written, which catches a
 * {@link MaildirLocation} that does not point at this account's mail. Message order is kept even
 * with several writers (see {@link MaildirWriter}).
 */
public final class MaildirProvisioner implements Provisioner {

    /** Dovecot answers SELECT only once it has listed and indexed every new file: allow 1 ms per message. */
    private static final long INDEX_MICROS_PER_MESSAGE = 1_000;

    private final MaildirLocation location;
    private final Endpoint imap;
    private final TlsSettings tls;
    private final int writers;
    private final Duration timeout;

    public MaildirProvisioner(MaildirLocation location, Endpoint imap, TlsSettings tls, int writers, Duration timeout) {
        if (writers < 1) {
            throw new IllegalArgumentException("writers: " + writers + " (expected: >= 1)");
        }
        this.location = location;
        this.imap = imap;
        this.tls = tls;
        this.writers = writers;
        this.timeout = timeout;
    }

    @Override
    public String method() {
        return "maildir files (" + writers + " writer thread" + (writers == 1 ? "" : "s") + ", " + location.template()
                + "), indexed at the first SELECT";
    }

    @Override
    public ProvisionResult fill(Account account, String mailbox, MessageSource messages, ProvisionProgress progress) {
        long started = System.nanoTime();
        long before;
        try (ImapSession session = ImapAppendProvisioner.open(imap, tls, timeout, account)) {
            ImapAppendProvisioner.createIfMissing(session, mailbox);
            // SELECT, not STATUS: it makes Dovecot create INBOX's maildir on an account's first use.
            before = existing(select(session, mailbox, 0), mailbox);
        }
        Path directory = location.mailboxDirectory(account.user(), mailbox);
        MaildirWriter writer = new MaildirWriter(directory, System.currentTimeMillis() / 1000);
        long writing = System.nanoTime();
        long octets = write(writer, messages, progress);
        long indexing = System.nanoTime();
        try (ImapSession session = ImapAppendProvisioner.open(imap, tls, timeout, account)) {
            long after = existing(select(session, mailbox, before + messages.count()), mailbox);
            if (after != before + messages.count()) {
                throw new ProvisionException(mailbox + " of " + account.user() + " holds " + after + " messages after "
                        + messages.count() + " files were written into " + directory + " (expected: " + before + " + "
                        + messages.count() + "); is " + location.template() + " where the server keeps this account's mail?");
            }
            session.logout();
        }
        long done = System.nanoTime();
        return new ProvisionResult(messages.count(), octets, Duration.ofNanos(done - started), method(), List.of(
                new ProvisionResult.Phase("write " + writers + " thread" + (writers == 1 ? "" : "s"),
                        Duration.ofNanos(indexing - writing)),
                new ProvisionResult.Phase("index (first SELECT)", Duration.ofNanos(done - indexing))));
    }

    private long write(MaildirWriter writer, MessageSource messages, ProvisionProgress progress) {
        String host = MaildirWriter.escapedHost(hostName());
        AtomicLong next = new AtomicLong();
        AtomicLong octets = new AtomicLong();
        ParallelConnections.run(writers, "maildrill-maildir", "writing into " + writer.directory(), () -> {
            for (long i = next.getAndIncrement(); i < messages.count(); i = next.getAndIncrement()) {
                try {
                    octets.addAndGet(writer.write(i, messages.message(i), host));
                } catch (IOException e) {
                    throw new ProvisionException("writing message " + i + " into " + writer.directory() + " failed: "
                            + e.getMessage(), e);
                }
                progress.advanced(1);
            }
        });
        return octets.get();
    }

    private SelectResult select(ImapSession session, String mailbox, long messages) {
        Duration wait = timeout.plusNanos(messages * INDEX_MICROS_PER_MESSAGE * 1_000);
        SelectResult selected = SelectResult.from(session.execute(ImapCommand.builder("SELECT").arg(mailbox).build(), wait));
        if (!selected.ok()) {
            throw new ProvisionException("SELECT " + mailbox + " refused: " + selected.completion().tagged().text());
        }
        return selected;
    }

    private static long existing(SelectResult selected, String mailbox) {
        return selected.exists().orElseThrow(() -> new ProvisionException("SELECT " + mailbox + " answered no EXISTS"));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
