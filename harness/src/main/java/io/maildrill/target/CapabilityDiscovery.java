package io.maildrill.target;

import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.ImapSession;
import io.maildrill.imap.ImapValue;
import io.maildrill.imap.Str;
import io.maildrill.pop3.Pop3Reply;
import io.maildrill.pop3.Pop3Response;
import io.maildrill.pop3.Pop3Session;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.SecretMask;
import io.maildrill.transcript.Transcript;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Connects to each endpoint of a target, reads the greeting and the capabilities before and
 * after logging in with the first account. It doubles as the reachability check every command
 * makes first: an unreachable server or a refused login throws {@link TargetException} with one
 * clear sentence, which the CLI turns into exit code 2.
 */
public final class CapabilityDiscovery {

    private CapabilityDiscovery() {
    }

    public static ServerCapabilities discover(Target target, Duration timeout) {
        return discover(target, target.defaultAccount(), timeout);
    }

    /** The same, logging in as {@code account}. */
    private static final String CONNECTING = "connect";

    /** "cannot reach" only when the connection (with its greeting) failed; a server that was reached is named as such. */
    private static String failed(String protocol, io.maildrill.net.Endpoint endpoint, String step) {
        return step.equals(CONNECTING) ? "cannot reach " + protocol + " at " + endpoint + ": "
                : protocol + " at " + endpoint + " was reached, but its answer to " + step + " failed: ";
    }

    public static ServerCapabilities discover(Target target, Account account, Duration timeout) {
        String[] namespace = {""};
        // the server's own words are quoted in the errors; a server may echo the credentials
        SecretMask mask = new SecretMask().addCredentials(account.user(), account.password());
        Optional<ServerCapabilities.Protocol> imap = target.imap().map(e -> {
            String[] step = {CONNECTING};
            try (ImapSession session = ImapSession.connect(e, target.tls(), transcript(account), timeout)) {
                step[0] = "CAPABILITY";
                Set<String> before = session.capability();
                step[0] = "LOGIN";
                ImapCompletion login = session.login(account.user(), account.password());
                if (!login.ok()) {
                    throw new TargetException(mask.apply("IMAP login to " + e + " as " + account.user() + " refused: "
                            + login.tagged().status() + " " + login.tagged().text()));
                }
                step[0] = "CAPABILITY after LOGIN";
                Set<String> after = session.capability();
                step[0] = "NAMESPACE";
                namespace[0] = personalNamespace(session, after);
                step[0] = "LOGOUT";
                session.logout();
                return new ServerCapabilities.Protocol(greeting(session.greeting()), before, after);
            } catch (io.maildrill.net.ProtocolException ex) {
                throw new TargetException(mask.apply(failed("IMAP", e, step[0]) + ex.getMessage()), ex);
            }
        });
        Optional<ServerCapabilities.Protocol> pop3 = target.pop3().map(e -> {
            String[] step = {CONNECTING};
            try (Pop3Session session = Pop3Session.connect(e, target.tls(), transcript(account), timeout)) {
                step[0] = "CAPA";
                Set<String> before = capa(session.capa());
                step[0] = "USER/PASS";
                Pop3Reply login = session.login(account.user(), account.password());
                if (!login.isOk()) {
                    throw new TargetException(mask.apply("POP3 login to " + e + " as " + account.user() + " refused: "
                            + login.describe()));
                }
                step[0] = "CAPA after login";
                Set<String> after = capa(session.capa());
                step[0] = "QUIT";
                session.quit();
                return new ServerCapabilities.Protocol(session.greeting().describe(), before, after);
            } catch (io.maildrill.net.ProtocolException ex) {
                throw new TargetException(mask.apply(failed("POP3", e, step[0]) + ex.getMessage()), ex);
            }
        });
        return new ServerCapabilities(imap, pop3, namespace[0]);
    }

    /**
     * The personal namespace prefix of a logged-in session whose capabilities are {@code after}
     * ({@code "INBOX."} on Courier): where mailboxes a client creates belong. Empty when the
     * server has no NAMESPACE (RFC 2342; folded into IMAP4rev2) or names no personal namespace.
     */
    public static String personalNamespace(ImapSession session, Set<String> after) {
        if (after.stream().anyMatch(c -> c.equalsIgnoreCase("NAMESPACE") || c.equalsIgnoreCase("IMAP4rev2"))) {
            return personalPrefix(session.execute("NAMESPACE"));
        }
        return "";
    }

    /**
     * The prefix of the first personal namespace of a NAMESPACE response (RFC 2342 §5:
     * {@code * NAMESPACE (("INBOX." ".")) NIL NIL}); empty when there is none or the answer is not one.
     */
    static String personalPrefix(ImapCompletion completion) {
        if (!completion.ok()) {
            return "";
        }
        for (ImapResponse.Other other : completion.untagged(ImapResponse.Other.class)) {
            if (!other.generic().keyword().equalsIgnoreCase("NAMESPACE") || other.generic().rest().isEmpty()) {
                continue;
            }
            if (other.generic().rest().get(0) instanceof ImapValue.ListValue personal && !personal.items().isEmpty()
                    && personal.items().get(0) instanceof ImapValue.ListValue first && !first.items().isEmpty()
                    && first.items().get(0) instanceof Str prefix && prefix.retained()
                    && prefix.text().chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\')) {
                // Only printable 7-bit text is used to build mailbox names; anything else is ignored.
                return prefix.text();
            }
        }
        return "";
    }

    /** CAPA lines are "TAG args"; the capability is the tag, upper-cased. -ERR means none. */
    private static Set<String> capa(Pop3Reply reply) {
        Set<String> tags = new TreeSet<>();
        if (reply instanceof Pop3Response r && r.isOk()) {
            for (String line : r.contentLines()) {
                String tag = line.strip().split(" ", 2)[0];
                if (!tag.isEmpty()) {
                    tags.add(tag.toUpperCase(Locale.ROOT));
                }
            }
        }
        return tags;
    }

    private static Transcript transcript(Account account) {
        return new Transcript("discovery", new CredentialRedactor().addCredentials(account.user(), account.password()));
    }

    private static String greeting(ImapResponse greeting) {
        String text = greeting instanceof ImapResponse.Condition c ? "* " + c.status() + " " + c.text() : greeting.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
