package io.maildrill.run;

import io.maildrill.net.ProtocolException;
import io.maildrill.pop3.Pop3Reply;
import io.maildrill.pop3.Pop3Session;
import io.maildrill.target.Account;
import io.maildrill.target.Target;
import io.maildrill.transcript.Transcript;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tries an optional RFC 1939 command that the server does not announce (TOP, UIDL) on a loaded
 * fixture: a server without CAPA may well have them. The answer is remembered per executor, since a
 * server either implements a command or not. A refusal becomes the skip reason, in the server's words.
 */
final class Pop3CommandProbe {

    private final Target target;
    private final Duration timeout;
    private final Map<String, Optional<String>> answers = new ConcurrentHashMap<>();

    Pop3CommandProbe(Target target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    /** Whether the capability names a command that can be tried instead of looked up. */
    static boolean probes(String capability) {
        String cap = capability.toUpperCase(Locale.ROOT);
        return cap.equals("TOP") || cap.equals("UIDL");
    }

    /**
     * The skip reason when the server refuses the command, empty when it has it.
     *
     * @param messages how many messages the loaded fixture holds (TOP needs one)
     */
    Optional<String> refusal(String capability, Account account, int messages, Transcript transcript) {
        String cap = capability.toUpperCase(Locale.ROOT);
        Optional<String> known = answers.get(cap);
        if (known != null) {
            return known;
        }
        if (cap.equals("TOP") && messages == 0) {
            return Optional.of("server does not announce TOP, and it cannot be tried without a message");
        }
        String command = cap.equals("TOP") ? "TOP 1 0" : "UIDL";
        transcript.note("the server does not announce " + cap + ": trying " + command);
        try (Pop3Session pop3 = Pop3Session.connect(target.requirePop3(), target.tls(), transcript, timeout)) {
            if (!pop3.login(account.user(), account.password()).isOk()) {
                return Optional.of("could not log in to try " + command);
            }
            Pop3Reply reply = cap.equals("TOP") ? pop3.top(1, 0) : pop3.uidl();
            pop3.quit();
            Optional<String> answer = reply.isOk() ? Optional.empty()
                    : Optional.of("server lacks pop3 " + cap + ": not announced, and " + command + " answered "
                    + reply.describe());
            answers.put(cap, answer);
            return answer;
        } catch (ProtocolException e) {
            return Optional.of("could not try " + command + ": " + e.getMessage());
        }
    }
}
