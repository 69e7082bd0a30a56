package io.maildrill.provision;

import io.maildrill.net.Endpoint;
import io.maildrill.target.Account;
import io.maildrill.target.Target;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Provisions through LMTP or SMTP delivery, over several connections in parallel. Delivery
 * always lands in INBOX, and parallel connections may store messages out of source order, so
 * scripts that rely on sequence order use one connection.
 */
public final class DeliveryProvisioner implements Provisioner {

    private final Target.Delivery delivery;
    private final Endpoint endpoint;
    private final SmtpFamilyClient.Dialect dialect;
    private final int connections;
    private final Duration timeout;

    private DeliveryProvisioner(Target.Delivery delivery, int connections, Duration timeout) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections: " + connections + " (expected: >= 1)");
        }
        this.delivery = delivery;
        this.endpoint = delivery.endpoint();
        this.dialect = delivery.protocol() == Target.Delivery.Protocol.LMTP
                ? SmtpFamilyClient.Dialect.LMTP : SmtpFamilyClient.Dialect.SMTP;
        this.connections = connections;
        this.timeout = timeout;
    }

    /** Delivers the way the target's delivery endpoint says: LMTP or SMTP, to {@code user@domain}. */
    public static DeliveryProvisioner of(Target.Delivery delivery, int connections, Duration timeout) {
        return new DeliveryProvisioner(delivery, connections, timeout);
    }

    public static DeliveryProvisioner lmtp(Endpoint endpoint, int connections, Duration timeout) {
        return of(new Target.Delivery(Target.Delivery.Protocol.LMTP, endpoint), connections, timeout);
    }

    public static DeliveryProvisioner smtp(Endpoint endpoint, int connections, Duration timeout) {
        return of(new Target.Delivery(Target.Delivery.Protocol.SMTP, endpoint), connections, timeout);
    }

    @Override
    public String method() {
        return dialect + " delivery (" + connections + " connection" + (connections == 1 ? "" : "s") + ")";
    }

    @Override
    public ProvisionResult fill(Account account, String mailbox, MessageSource messages, ProvisionProgress progress) {
        if (!"INBOX".equalsIgnoreCase(mailbox)) {
            throw new ProvisionException(dialect + " delivery can only fill INBOX, not " + mailbox
                    + " (use IMAP APPEND for other mailboxes)");
        }
        String recipient = delivery.recipient(account.user());
        AtomicLong next = new AtomicLong();
        AtomicLong octets = new AtomicLong();
        long started = System.nanoTime();
        ParallelConnections.run(connections, "maildrill-deliver", "delivery to " + endpoint, () -> {
            try (SmtpFamilyClient client = new SmtpFamilyClient(endpoint, dialect, timeout)) {
                for (long i = next.getAndIncrement(); i < messages.count(); i = next.getAndIncrement()) {
                    byte[] message = messages.message(i);
                    client.deliver(recipient, message);
                    octets.addAndGet(message.length);
                    progress.advanced(1);
                }
            }
        });
        return new ProvisionResult(messages.count(), octets.get(), Duration.ofNanos(System.nanoTime() - started), method());
    }

}
