package io.maildrill.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a server advertises, learnt by {@link CapabilityDiscovery}: IMAP CAPABILITY before and
 * after login (they may differ: STARTTLS and LOGINDISABLED before, extensions after), POP3 CAPA
 * before and after login (empty sets when CAPA is refused — a server without CAPA advertises
 * nothing), the greetings, and the prefix of the first personal namespace (RFC 2342 NAMESPACE,
 * e.g. {@code INBOX.}; empty when the server has none or does not say), under which scripts create
 * their scratch mailboxes.
 */
public record ServerCapabilities(Optional<Protocol> imap, Optional<Protocol> pop3, String personalNamespace) {

    public ServerCapabilities(Optional<Protocol> imap, Optional<Protocol> pop3) {
        this(imap, pop3, "");
    }

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

    /**
     * Advertised, or implied by an advertised capability ({@link ImapCapabilityImplications}).
     * LOGINDISABLED counts only before login: it says LOGIN is refused in the not-authenticated
     * state (RFC 3501 §7.2.1), and Cyrus lists it in its post-login capabilities, where LOGIN is
     * refused anyway.
     */
    public boolean imapHas(String capability) {
        if (capability.equalsIgnoreCase("LOGINDISABLED")) {
            return imap.map(p -> p.beforeLogin().stream().anyMatch(c -> c.equalsIgnoreCase(capability))).orElse(false);
        }
        return imap.map(p -> p.has(capability)
                || ImapCapabilityImplications.impliedBy(capability).stream().anyMatch(p::has)).orElse(false);
    }

    /**
     * One line per greeting and per list, naming which list it is: a skip that names a missing
     * capability can then be read against what the server said before and after login.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        imap.ifPresent(p -> {
            lines.add("IMAP greeting: " + p.greeting());
            lines.add("IMAP CAPABILITY before login: " + String.join(" ", new TreeSet<>(p.beforeLogin())));
            lines.add("IMAP CAPABILITY after login: " + String.join(" ", new TreeSet<>(p.afterLogin())));
            if (!personalNamespace.isEmpty()) {
                lines.add("IMAP personal namespace: \"" + personalNamespace + "\" (scratch mailboxes are created under it)");
            }
        });
        pop3.ifPresent(p -> {
            lines.add("POP3 greeting: " + p.greeting());
            lines.add("POP3 CAPA before login: " + (p.beforeLogin().isEmpty() ? "(none: CAPA refused or empty)"
                    : String.join(" ", new TreeSet<>(p.beforeLogin()))));
            lines.add("POP3 CAPA after login: " + (p.afterLogin().isEmpty() ? "(none: CAPA refused or empty)"
                    : String.join(" ", new TreeSet<>(p.afterLogin()))));
        });
        return lines;
    }

    /**
     * Advertised in CAPA. {@code CAPA} itself is never listed, so it stands for "the server
     * answers CAPA": RFC 2449 §4 binds every server "which support[s] the CAPA command". {@code APOP}
     * is never listed either: "A POP3 server which implements the APOP command will include a
     * timestamp in its banner greeting" (RFC 1939 §7), so it stands for a greeting with one.
     */
    public boolean pop3Has(String capability) {
        if (capability.equalsIgnoreCase("CAPA")) {
            return pop3.map(p -> !p.beforeLogin().isEmpty() || !p.afterLogin().isEmpty()).orElse(false);
        }
        if (capability.equalsIgnoreCase("APOP")) {
            return pop3.map(p -> io.maildrill.pop3.Pop3Session.apopTimestampIn(p.greeting()).isPresent()).orElse(false);
        }
        return pop3.map(p -> p.has(capability)).orElse(false);
    }
}
