package io.maildrill.provision;

import io.maildrill.imap.ImapCommand;
import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.ImapSession;
import io.maildrill.net.Endpoint;
import io.maildrill.net.ProtocolException;
import io.maildrill.net.TlsSettings;
import io.maildrill.target.Account;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.SecretMask;
import io.maildrill.transcript.Transcript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills a mailbox with IMAP APPEND over several connections in parallel, each pipelining its
 * APPENDs ({@link ImapSession#appendPipelined}: LITERAL+ and MULTIAPPEND when the server offers
 * them). Connections take batches of consecutive messages, so with more than one connection the
 * mailbox order interleaves batches; use one connection when sequence order must equal source order.
 *
 * <p>A server that refuses or drops pipelined or parallel APPENDs (James 3.8 closes the connection
 * on pipelined LITERAL+ APPENDs; Mailutils 3.15 answers concurrent ones with NO [TRYCREATE]) still
 * gets its mailbox: the load is done again, emptied first, on one connection, one APPEND at a time
 * with synchronizing literals, and the result's method says why.
 */
public final class ImapAppendProvisioner implements Provisioner {

    /** Messages handed to one connection at a time: large enough to keep the pipeline full. */
    static final int BATCH = 256;
    /** Before the one-at-a-time load: a server may still be storing what a dropped connection sent. */
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private final Endpoint endpoint;
    private final TlsSettings tls;
    private final int connections;
    private final Duration timeout;

    public ImapAppendProvisioner(Endpoint endpoint, TlsSettings tls, int connections, Duration timeout) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections: " + connections + " (expected: >= 1)");
        }
        this.endpoint = endpoint;
        this.tls = tls;
        this.connections = connections;
        this.timeout = timeout;
    }

    @Override
    public String method() {
        return "IMAP APPEND (pipelined, " + connections + " connection" + (connections == 1 ? "" : "s") + ")";
    }

    @Override
    public ProvisionResult fill(Account account, String mailbox, MessageSource messages, ProvisionProgress progress) {
        long started = System.nanoTime();
        String server;
        try (ImapSession first = open(account)) {
            server = endpoint + " (" + greetingText(first) + ")";
            createIfMissing(first, mailbox);
        }
        SecretMask secrets = new SecretMask().addCredentials(account.user(), account.password());
        try {
            return fillInParallel(account, mailbox, messages, progress, started);
        } catch (ProvisionException | ProtocolException e) {
            String why = e.getMessage() + "; " + heldAfterwards(account, mailbox);
            try {
                return fillOneAtATime(account, mailbox, messages, started, why);
            } catch (ProvisionException | ProtocolException again) {
                // The server's own bytes are quoted, and a server may echo what it was sent.
                throw new ProvisionException(secrets.apply("APPEND to " + mailbox + " on " + server + " failed pipelined ("
                        + why + ") and one at a time (" + again.getMessage() + "); " + heldAfterwards(account, mailbox)), again);
            }
        }
    }

    private static String greetingText(ImapSession session) {
        ImapResponse greeting = session.greeting();
        String text = greeting instanceof ImapResponse.Condition c ? c.status() + " " + c.text() : String.valueOf(greeting);
        return "greeting: " + (text.length() > 100 ? text.substring(0, 100) + "..." : text);
    }

    /** How many messages the mailbox holds after a failed load, asked on a connection of its own. */
    private String heldAfterwards(Account account, String mailbox) {
        try (ImapSession session = open(account)) {
            ImapCompletion status = session.execute(ImapCommand.builder("STATUS").arg(mailbox).raw("(MESSAGES)").build());
            for (ImapResponse r : status.untagged()) {
                if (r instanceof ImapResponse.MailboxStatus s && s.items().containsKey("MESSAGES")) {
                    return mailbox + " held " + s.items().get("MESSAGES") + " messages afterwards";
                }
            }
            return "STATUS " + mailbox + " afterwards answered " + status.tagged().status() + " " + status.tagged().text();
        } catch (ProvisionException | ProtocolException e) {
            return "how many messages " + mailbox + " holds afterwards is unknown (" + e.getMessage() + ")";
        }
    }

    private ProvisionResult fillOneAtATime(Account account, String mailbox, MessageSource messages, long started, String why) {
        try {
            Thread.sleep(SETTLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisionException("interrupted during APPEND to " + mailbox, e);
        }
        long octets = 0;
        try (ImapSession session = open(account)) {
            MailboxCleaner.empty(session, mailbox, timeout);
            session.useSynchronizingLiterals();
            long i = 0;
            try {
                for (; i < messages.count(); i++) {
                    byte[] message = messages.message(i);
                    session.append(mailbox, List.of(), message);
                    octets += message.length;
                }
            } catch (ProtocolException e) {
                throw new ProvisionException(e.getMessage() + ", after " + i + " of " + messages.count() + " messages", e);
            }
        }
        return new ProvisionResult(messages.count(), octets, Duration.ofNanos(System.nanoTime() - started),
                "IMAP APPEND, one at a time (the pipelined load failed: " + why + ")");
    }

    private ProvisionResult fillInParallel(Account account, String mailbox, MessageSource messages, ProvisionProgress progress,
                                           long started) {
        AtomicLong nextBatch = new AtomicLong();
        AtomicLong octets = new AtomicLong();
        ParallelConnections.run(connections, "maildrill-append", "APPEND to " + mailbox, () -> {
            try (ImapSession session = open(account)) {
                for (long from = nextBatch.getAndAdd(BATCH); from < messages.count(); from = nextBatch.getAndAdd(BATCH)) {
                    List<byte[]> batch = new ArrayList<>(BATCH);
                    for (long i = from; i < Math.min(messages.count(), from + BATCH); i++) {
                        byte[] message = messages.message(i);
                        batch.add(message);
                        octets.addAndGet(message.length);
                    }
                    requireAllOk(session.appendPipelined(mailbox, batch), from);
                    progress.advanced(batch.size());
                }
            }
        });
        return new ProvisionResult(messages.count(), octets.get(), Duration.ofNanos(System.nanoTime() - started), method());
    }

    private ImapSession open(Account account) {
        return open(endpoint, tls, timeout, account);
    }

    /** Logs in with transcript recording off: a provisioning run is bulk traffic, not evidence. */
    static ImapSession open(Endpoint endpoint, TlsSettings tls, Duration timeout, Account account) {
        Transcript transcript = new Transcript("provision", new CredentialRedactor());
        transcript.setEnabled(false);
        ImapSession session = ImapSession.connect(endpoint, tls, transcript, timeout);
        ImapCompletion login = session.login(account.user(), account.password());
        if (!login.ok()) {
            session.close();
            throw new ProvisionException("login as " + account.user() + " refused: " + login.tagged().text());
        }
        return session;
    }

    static void createIfMissing(ImapSession session, String mailbox) {
        if ("INBOX".equalsIgnoreCase(mailbox)) {
            return;
        }
        // CREATE of an existing mailbox answers NO; STATUS tells the two apart without guessing from text.
        if (!session.execute(ImapCommand.builder("STATUS").arg(mailbox).raw("(MESSAGES)").build()).ok()) {
            ImapCompletion create = session.execute(ImapCommand.builder("CREATE").arg(mailbox).build());
            if (!create.ok()) {
                throw new ProvisionException("cannot create mailbox " + mailbox + ": " + create.tagged().text());
            }
        }
    }

    private static void requireAllOk(List<ImapCompletion> completions, long firstIndex) {
        for (ImapCompletion c : completions) {
            if (!c.ok()) {
                throw new ProvisionException("APPEND refused near message " + firstIndex + ": "
                        + c.tagged().status() + " " + c.tagged().text());
            }
        }
    }
}
