package io.maildrill.target;

import java.util.Optional;
import java.util.Set;

/**
 * What a server advertises, learnt by {@link CapabilityDiscovery}: IMAP CAPABILITY before and
 * after login (they may differ: STARTTLS and LOGINDISABLED before, extensions after), POP3 CAPA
 * before and after login (empty sets when CAPA is refused — a server without CAPA advertises
 * nothing), and the greetings.
 */
public record ServerCapabilities(Optional<Protocol> imap, Optional<Protocol> pop3) {

    /** One protocol's view. */
    public record Protocol(String greeting, Set<String> beforeLogin, Set<String> afterLogin) {
        public Protocol {
            beforeLogin = Set.copyOf(beforeLogin);
            afterLogin = Set.copyOf(afterLogin);
        }

        /** Advertised before or after login, compared ignoring case. */
        public boolean has(String capability) {
            return beforeLogin.stream().anyMatch(c -> c.equalsIgnoreCase(capability))
                    || afterLogin.stream().anyMatch(c -> c.equalsIgnoreCase(capability));
        }
    }

    public boolean imapHas(String capability) {
        return imap.map(p -> p.has(capability)).orElse(false);
    }

    public boolean pop3Has(String capability) {
        return pop3.map(p -> p.has(capability)).orElse(false);
    }
}
