package io.maildrill.run;

import io.maildrill.run.session.SetupError;
import io.maildrill.script.ast.Metadata;
import io.maildrill.script.ast.Protocol;
import io.maildrill.target.Account;
import io.maildrill.target.CapabilityDiscovery;
import io.maildrill.target.ServerCapabilities;
import io.maildrill.target.Target;
import io.maildrill.target.TargetException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Gates {@code @requires}: names the first capability a script needs that the server does not
 * advertise (IMAP CAPABILITY and POP3 CAPA, before and after login). The server is asked once
 * per executor, through {@link CapabilityDiscovery}, with the account of the first script that
 * needs to know — an account that script holds, so the question never disturbs another script's
 * maildrop lock. What a server advertises is taken to be the same for every test account.
 */
final class CapabilityProbe {

    /** The category of scripts that judge what a server announces (CAPA, CAPABILITY). */
    static final String ANNOUNCEMENT_CATEGORY = "capabilities";

    private final Target target;
    private final Duration timeout;
    private ServerCapabilities discovered;

    CapabilityProbe(Target target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    /**
     * The skip reason, e.g. "server lacks imap capability IDLE", or empty when everything is there
     * or can only be known by trying ({@link #toProbe}).
     */
    Optional<String> missing(Metadata metadata, Account account) {
        for (Protocol protocol : Protocol.values()) {
            List<String> required = metadata.requiredCapabilities(protocol);
            for (String cap : required) {
                boolean has = protocol == Protocol.IMAP ? capabilities(account).imapHas(cap)
                        : capabilities(account).pop3Has(cap) || triable(metadata, cap);
                if (!has) {
                    return Optional.of("server lacks " + protocol.name().toLowerCase(Locale.ROOT) + " capability " + cap);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Required POP3 commands the server does not announce but may have: TOP and UIDL are optional
     * RFC 1939 commands, older than CAPA (RFC 2449), so a server without CAPA, or whose CAPA omits
     * them, is asked by trying the command once the fixture is loaded.
     */
    List<String> toProbe(Metadata metadata, Account account) {
        return metadata.requiredCapabilities(Protocol.POP3).stream()
                .filter(cap -> triable(metadata, cap) && !capabilities(account).pop3Has(cap))
                .toList();
    }

    /** Where scratch mailboxes go: the server's personal namespace prefix, "" when it has none. */
    String personalNamespace(Account account) {
        return target.imap().isEmpty() ? "" : capabilities(account).personalNamespace();
    }

    /**
     * Whether a required POP3 command may be tried instead of looked up: TOP and UIDL, except in
     * scripts that judge what CAPA announces, which need the announcement itself.
     */
    private static boolean triable(Metadata metadata, String capability) {
        return Pop3CommandProbe.probes(capability) && !metadata.categories().contains(ANNOUNCEMENT_CATEGORY);
    }

    private synchronized ServerCapabilities capabilities(Account account) {
        if (discovered == null) {
            try {
                discovered = CapabilityDiscovery.discover(target, account, timeout);
            } catch (TargetException e) {
                throw new SetupError(1, "setup", e.getMessage(), e);
            }
        }
        return discovered;
    }
}
