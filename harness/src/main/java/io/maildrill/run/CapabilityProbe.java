package io.maildrill.run;

import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapSession;
import io.maildrill.pop3.Pop3Reply;
import io.maildrill.pop3.Pop3Response;
import io.maildrill.pop3.Pop3Session;
import io.maildrill.run.session.SetupError;
import io.maildrill.script.ast.Metadata;
import io.maildrill.script.ast.Protocol;
import io.maildrill.target.Account;
import io.maildrill.target.Target;
import io.maildrill.transcript.Transcript;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gates {@code @requires}: asks the server what it advertises (IMAP CAPABILITY before and after
 * login, POP3 CAPA before and after login, each time the union) and names the first missing
 * capability. A POP3 server without CAPA lacks every POP3 capability.
 */
final class CapabilityProbe {

    private final Target target;
    private final Duration timeout;

    CapabilityProbe(Target target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    /** The skip reason, e.g. "server lacks imap capability IDLE", or empty when everything is there. */
    Optional<String> missing(Metadata metadata, Account account, Transcript transcript) {
        for (Protocol protocol : Protocol.values()) {
            List<String> required = metadata.requiredCapabilities(protocol);
            if (required.isEmpty()) {
                continue;
            }
            Set<String> advertised = protocol == Protocol.IMAP ? imap(account, transcript) : pop3(account, transcript);
            for (String cap : required) {
                if (!advertised.contains(cap.toUpperCase(Locale.ROOT))) {
                    return Optional.of("server lacks " + protocol.name().toLowerCase(Locale.ROOT) + " capability " + cap);
                }
            }
        }
        return Optional.empty();
    }

    private Set<String> imap(Account account, Transcript transcript) {
        Set<String> caps = new TreeSet<>();
        try (ImapSession imap = ImapSession.connect(target.requireImap(), target.tls(), transcript, timeout)) {
            imap.capability().forEach(c -> caps.add(c.toUpperCase(Locale.ROOT)));
            ImapCompletion login = imap.login(account.user(), account.password());
            if (!login.ok()) {
                throw new SetupError(1, "setup", "login refused for " + account.user() + " during setup: " + login.tagged(), null);
            }
            imap.capability().forEach(c -> caps.add(c.toUpperCase(Locale.ROOT)));
            imap.logout();
        } catch (SetupError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SetupError(1, "setup", "asking the IMAP server for its capabilities failed: " + e.getMessage(), e);
        }
        return caps;
    }

    private Set<String> pop3(Account account, Transcript transcript) {
        Set<String> caps = new TreeSet<>();
        try (Pop3Session pop3 = Pop3Session.connect(target.requirePop3(), target.tls(), transcript, timeout)) {
            addCapa(pop3.capa(), caps);
            Pop3Reply login = pop3.login(account.user(), account.password());
            if (!login.isOk()) {
                throw new SetupError(1, "setup", "login refused for " + account.user() + " during setup: " + login.describe(), null);
            }
            addCapa(pop3.capa(), caps);
            pop3.quit();
        } catch (SetupError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SetupError(1, "setup", "asking the POP3 server for its capabilities failed: " + e.getMessage(), e);
        }
        return caps;
    }

    private static void addCapa(Pop3Reply reply, Set<String> caps) {
        if (reply instanceof Pop3Response r && r.isOk()) {
            for (String line : r.contentLines()) {
                String first = line.trim().split(" ")[0];
                if (!first.isEmpty()) {
                    caps.add(first.toUpperCase(Locale.ROOT));
                }
            }
        }
    }
}
