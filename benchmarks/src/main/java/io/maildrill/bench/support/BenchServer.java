package io.maildrill.bench.support;

import io.maildrill.provision.EmbeddedProvisioner;
import io.maildrill.provision.ImapAppendProvisioner;
import io.maildrill.provision.MaildirLocation;
import io.maildrill.provision.MaildirProvisioner;
import io.maildrill.provision.Provisioner;
import io.maildrill.target.Account;
import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.LocalMaildirs;
import io.maildrill.target.Target;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;

/**
 * The server a benchmark runs against, as the benchmark JVM sees it: the target, the accounts each
 * role uses, and the fastest provisioner that reaches it (GreenMail's store API when the server is
 * embedded in this JVM, pipelined IMAP APPEND otherwise; maildir files for the large read-only
 * fixtures of a server on this machine, see {@link #bulkProvisioner()}).
 *
 * @param target    endpoints, TLS settings and accounts
 * @param embedded  the in-process GreenMail when the target is {@code embedded}
 * @param namespace the reader account's personal namespace prefix ({@code "INBOX."} on Courier, else
 *                  usually empty): every mailbox a benchmark creates goes under it
 */
public record BenchServer(Target target, Optional<EmbeddedGreenMail> embedded, String namespace) {

    /** {@code name} as a mailbox the benchmarks may create on this server. */
    public String mailbox(String name) {
        return namespace + name;
    }

    /** Connections the IMAP provisioner uses: enough to keep a 2-core server busy. */
    public static final int PROVISION_CONNECTIONS = 4;
    /** Bound on every wait for the server, in this JVM and its forks ({@code bench --timeout}). */
    public static final Duration TIMEOUT = Duration.ofSeconds(Math.max(1, Long.getLong(BenchProperties.TIMEOUT_SECONDS, 60)));

    /** The account whose mailboxes hold the read-only IMAP and POP3 fixtures. */
    public Account readerAccount() {
        return target.account(1);
    }

    /** The account whose INBOX the POP3 drain empties on every invocation. */
    public Account drainAccount() {
        return target.accounts().size() > 1 ? target.account(2) : target.account(1);
    }

    public boolean isEmbedded() {
        return embedded.isPresent();
    }

    public Provisioner provisioner() {
        return embedded.<Provisioner>map(e -> new EmbeddedProvisioner(e.greenMail()))
                .orElseGet(() -> new ImapAppendProvisioner(target.requireImap(), target.tls(), PROVISION_CONNECTIONS, TIMEOUT));
    }

    /**
     * For the large read-only fixtures: maildir files when the server is on this machine, exports
     * its maildirs and this JVM may write there (a 1 000 000-message fixture in about 90 s instead
     * of half an hour of APPENDs), else {@link #provisioner()}.
     */
    public Provisioner bulkProvisioner() {
        if (embedded.isPresent() || target.imap().isEmpty()) {
            return provisioner();
        }
        return LocalMaildirs.templateFor(target.requireImap(), System.getenv()).map(MaildirLocation::new)
                .filter(location -> Files.isDirectory(location.root()) && Files.isWritable(location.root()))
                .<Provisioner>map(location -> new MaildirProvisioner(location, target.requireImap(), target.tls(),
                        PROVISION_CONNECTIONS, TIMEOUT))
                .orElseGet(this::provisioner);
    }
}
