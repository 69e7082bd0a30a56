package io.maildrill.target;

import io.maildrill.net.Endpoint;
import io.maildrill.net.TlsSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One server under test: its IMAP and/or POP3 endpoint (the same mailboxes behind both, which
 * the cross-protocol checks rely on), an optional delivery endpoint (LMTP or SMTP) for
 * provisioning servers whose POP3 side has no IMAP, how TLS is verified, and the accounts to
 * test with.
 *
 * @param name     short label used in reports and to pick the expectations file ("greenmail", "dovecot")
 * @param imap     IMAP endpoint, if the server speaks IMAP
 * @param pop3     POP3 endpoint, if the server speaks POP3
 * @param delivery LMTP or SMTP endpoint for provisioning, if any
 * @param tls      certificate verification settings for imaps/pop3s/STARTTLS/STLS
 * @param accounts the accounts, first one the default; multi-user checks need several
 */
public record Target(String name, Optional<Endpoint> imap, Optional<Endpoint> pop3, Optional<Delivery> delivery,
                     TlsSettings tls, List<Account> accounts) {

    /**
     * Where messages can be delivered without IMAP. An account name without {@code @} is delivered
     * to {@code name@domain} ({@code localhost} unless the URI says {@code ?domain=...}).
     */
    public record Delivery(Protocol protocol, Endpoint endpoint, String domain) {
        public enum Protocol { LMTP, SMTP }

        public static final String DEFAULT_DOMAIN = "localhost";

        public Delivery(Protocol protocol, Endpoint endpoint) {
            this(protocol, endpoint, DEFAULT_DOMAIN);
        }

        /** The envelope recipient for an account. */
        public String recipient(String user) {
            return user.contains("@") ? user : user + "@" + domain;
        }
    }

    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(imap, "imap");
        Objects.requireNonNull(pop3, "pop3");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(tls, "tls");
        accounts = List.copyOf(accounts);
        if (imap.isEmpty() && pop3.isEmpty()) {
            throw new TargetException("target " + name + " has neither an IMAP nor a POP3 endpoint");
        }
    }

    public Account account(int oneBasedIndex) {
        if (oneBasedIndex < 1 || oneBasedIndex > accounts.size()) {
            throw new TargetException("target " + name + " has " + accounts.size() + " account(s); account "
                    + oneBasedIndex + " was asked for (give more with --user/--credentials-file)");
        }
        return accounts.get(oneBasedIndex - 1);
    }

    public Account defaultAccount() {
        return account(1);
    }

    public Endpoint requireImap() {
        return imap.orElseThrow(() -> new TargetException("target " + name + " has no IMAP endpoint"));
    }

    public Endpoint requirePop3() {
        return pop3.orElseThrow(() -> new TargetException("target " + name + " has no POP3 endpoint"));
    }

    public Target withAccounts(List<Account> newAccounts) {
        return new Target(name, imap, pop3, delivery, tls, newAccounts);
    }

    public Target withTls(TlsSettings newTls) {
        return new Target(name, imap, pop3, delivery, newTls, accounts);
    }

    /** Endpoints only, never credentials: safe for consoles and reports. */
    public String describe() {
        StringBuilder sb = new StringBuilder(name).append(" (");
        imap.ifPresent(e -> sb.append("IMAP ").append(e).append(pop3.isPresent() ? ", " : ""));
        pop3.ifPresent(e -> sb.append("POP3 ").append(e));
        delivery.ifPresent(d -> sb.append(", ").append(d.protocol()).append(' ').append(d.endpoint()));
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
