package io.maildrill.run.session;

import io.maildrill.net.ProtocolException;
import io.maildrill.net.UntrustedCertificateException;
import io.maildrill.pop3.Pop3Command;
import io.maildrill.pop3.Pop3Reply;
import io.maildrill.pop3.Pop3Response;
import io.maildrill.pop3.Pop3ResponseExpectation;
import io.maildrill.pop3.Pop3Session;
import io.maildrill.run.match.RefResolver;
import io.maildrill.run.match.Value;
import io.maildrill.script.ast.CommandPart;
import io.maildrill.script.ast.Pattern;
import io.maildrill.script.ast.SessionDecl;
import io.maildrill.transcript.Transcript;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A POP3 session of a script. Replies come in send order, so each sent command keeps the future of
 * its reply; the session numbers the fixture messages present at login ({@code #k}), tracks the
 * messages this session marked with DELE ({@code A.count}; RSET clears them), and on a successful
 * QUIT tells the account's {@link FixtureState} which fixture messages are gone.
 */
public final class Pop3ScriptSession implements ScriptSession {

    /** A command sent and the future of its reply. */
    public record Sent(int line, String text, String verb, Optional<String> argument, CompletableFuture<Pop3Reply> reply) {
    }

    private final SessionDecl decl;
    private final SessionEnv env;
    private final Transcript transcript;
    private final boolean wantsUidl;
    private Pop3Session pop3;
    private List<Integer> numbering = List.of();
    private final Map<Integer, String> uidls = new HashMap<>();
    private final Set<Long> deleted = new HashSet<>();
    private final List<Sent> awaiting = new ArrayList<>();
    private int unsolicitedSeen;
    private int longestStatusLine;

    public Pop3ScriptSession(SessionDecl decl, SessionEnv env, Transcript transcript, boolean wantsUidl) {
        this.decl = decl;
        this.env = env;
        this.transcript = transcript;
        this.wantsUidl = wantsUidl;
    }

    @Override
    public SessionDecl decl() {
        return decl;
    }

    @Override
    public Transcript transcript() {
        return transcript;
    }

    @Override
    public boolean connected() {
        return pop3 != null;
    }

    @Override
    public boolean open() {
        return pop3 != null && pop3.isOpen();
    }

    public Optional<Pop3Reply> greeting() {
        return pop3 == null ? Optional.empty() : Optional.of(pop3.greeting());
    }

    @Override
    public long count() {
        return numbering.size() - deleted.size();
    }

    @Override
    public void connect(int line) {
        awaiting.clear();
        deleted.clear();
        unsolicitedSeen = 0;
        try {
            pop3 = Pop3Session.connect(env.target().requirePop3(), env.target().tls(), transcript, env.connectTimeout());
        } catch (ProtocolException e) {
            throw new SetupError(line, name(), "cannot connect session " + name() + ": " + e.getMessage(), e);
        }
        noteStatusLine(pop3.greeting());
        // Numbered already at connect, for sessions that log in with their own USER/PASS lines:
        // nothing changes the maildrop between the connect and their login.
        numbering = env.fixture().present();
        if (decl.autoLogin()) {
            login(line);
        }
    }

    /** USER/PASS as the declared account; must succeed. Numbers the fixture messages still present. */
    public void login(int line) {
        Pop3Reply reply;
        try {
            reply = pop3.login(env.account().user(), env.account().password());
        } catch (ProtocolException e) {
            throw new StepFailure(line, name(), "USER/PASS", "+OK", e.getMessage());
        }
        if (!reply.isOk()) {
            throw new StepFailure(line, name(), "USER " + env.account().user() + " / PASS <redacted>", "+OK",
                    describe(reply));
        }
        numbering = env.fixture().present();
        if (wantsUidl) {
            learnUidls(line);
        }
    }

    private void learnUidls(int line) {
        Pop3Reply reply = pop3.uidl();
        if (reply instanceof Pop3Response r && r.isOk()) {
            for (String l : r.contentLines()) {
                String[] w = l.trim().split(" +");
                if (w.length >= 2 && w[0].matches("\\d+")) {
                    uidls.put(Integer.parseInt(w[0]), w[1]);
                }
            }
        } else {
            throw new StepFailure(line, name(), "UIDL", "+OK with the UIDL listing (the script uses #k.uid)", describe(reply));
        }
    }

    // ---- sending --------------------------------------------------------------------------

    public Sent send(int line, List<CommandPart> parts) {
        StringBuilder text = new StringBuilder();
        for (CommandPart part : parts) {
            if (part instanceof CommandPart.Text t) {
                text.append(t.text());
            } else if (part instanceof CommandPart.Variable v) {
                text.append(new String(variable(v.name()).orElseThrow(() -> new StepFailure(line, name(), "",
                        "$" + v.name() + " bound", "$" + v.name() + " is not bound")).bytes(), StandardCharsets.UTF_8));
            } else if (part instanceof CommandPart.MessageRef ref) {
                text.append(resolveForCommand(line, ref.fixtureIndex(), ref.kind()));
            } else {
                throw new StepFailure(line, name(), "", "a POP3 command line", "literals and {mailbox(...)} are IMAP only");
            }
        }
        String line0 = text.toString();
        if (line0.toUpperCase(Locale.ROOT).startsWith("PASS ") || line0.toUpperCase(Locale.ROOT).startsWith("APOP ")) {
            transcript.redactor().addCredentials(env.account().user(), env.account().password());
        }
        Pop3Command command = Pop3Command.fromLine(line0);
        String[] words = line0.split(" ");
        Optional<String> arg = words.length > 1 ? Optional.of(words[1]) : Optional.empty();
        Sent sent = new Sent(line, Shown.line(transcript.redactor().redact(line0)), command.verb().toUpperCase(Locale.ROOT), arg,
                pop3.sendAsync(command));
        awaiting.add(sent);
        return sent;
    }

    /** Octets as written; with a handle, one reply is awaited (its shape guessed from the verb). */
    public void sendRaw(int line, Optional<String> handle, byte[] octets) {
        String text = new String(octets, StandardCharsets.ISO_8859_1);
        String first = text.split("\r\n|\n", 2)[0];
        Pop3ResponseExpectation shape = Pop3Command.fromLine(first.isEmpty() ? "NOOP" : first).expectation();
        if (handle.isEmpty()) {
            // Awaits nothing, so octets the server rightly ignores (an injected line) leave the next
            // command's reply to it. POP3 has no tags: an answer the server does send shows up by
            // its order, where the next command's reply is expected, and fails that group.
            pop3.sendUnanswered(Pop3Command.raw(octets, shape));
            return;
        }
        CompletableFuture<Pop3Reply> reply = pop3.sendAsync(Pop3Command.raw(octets, shape));
        String[] words = first.split(" ");
        awaiting.add(new Sent(line, transcript.redactor().redact(first), words[0].toUpperCase(Locale.ROOT),
                words.length > 1 ? Optional.of(words[1]) : Optional.empty(), reply));
    }

    private String resolveForCommand(int line, int k, Pattern.RefKind kind) {
        int n = numbering.indexOf(k) + 1;
        if (n == 0) {
            throw new StepFailure(line, name(), "", "#" + k + " present in session " + name(),
                    "fixture message " + k + " was removed before session " + name() + " logged in");
        }
        if (kind == Pattern.RefKind.UID) {
            String uid = uidls.get(n);
            if (uid == null) {
                throw new StepFailure(line, name(), "", "#" + k + ".uid known", "no UIDL was learnt for message " + n);
            }
            return uid;
        }
        return Integer.toString(n);
    }

    // ---- what group evaluation uses --------------------------------------------------------

    public Optional<Sent> commandFor(int sendLine) {
        for (Sent s : awaiting) {
            if (s.line() == sendLine) {
                return Optional.of(s);
            }
        }
        return awaiting.isEmpty() ? Optional.empty() : Optional.of(awaiting.get(0));
    }

    /**
     * Octets, line end included, of the longest status line among the greeting and the replies to
     * the script's own commands since the session first connected ({@code A.longest-status-line};
     * RFC 2449 §4 bounds them at 512).
     */
    public int longestStatusLine() {
        return longestStatusLine;
    }

    private void noteStatusLine(Pop3Reply reply) {
        if (reply instanceof Pop3Response r) {
            ByteBuffer raw = r.rawBuffer();
            int length = raw.remaining();
            for (int i = 0; i < raw.limit(); i++) {
                if (raw.get(i) == '\n') {
                    length = i + 1;
                    break;
                }
            }
            longestStatusLine = Math.max(longestStatusLine, length);
        }
    }

    /** After a group: bookkeeping for DELE, RSET and QUIT that succeeded. */
    public void finishGroup(Sent sent, Pop3Reply reply) {
        noteStatusLine(reply);
        awaiting.remove(sent);
        if (!reply.isOk()) {
            return;
        }
        switch (sent.verb()) {
            case "DELE" -> sent.argument().filter(a -> a.matches("\\d{1,9}")).ifPresent(a -> deleted.add(Long.parseLong(a)));
            case "RSET" -> deleted.clear();
            case "QUIT" -> {
                for (long n : deleted) {
                    if (n >= 1 && n <= numbering.size()) {
                        env.fixture().markRemoved(numbering.get((int) n - 1));
                    }
                }
                deleted.clear();
            }
            default -> { }
        }
    }

    public void forget(Sent sent) {
        awaiting.remove(sent);
    }

    /** Status lines that arrived while no command awaited one, since the last call. */
    public List<Pop3Reply> takeUnsolicited() {
        if (pop3 == null) {
            return List.of();
        }
        List<Pop3Reply> all = pop3.unsolicitedReplies();
        List<Pop3Reply> fresh = List.copyOf(all.subList(Math.min(unsolicitedSeen, all.size()), all.size()));
        unsolicitedSeen = all.size();
        return fresh;
    }

    /** Waits (bounded) for the server to close; polls, as the POP3 client offers no close event. */
    @Override
    public boolean awaitClosed(Instant deadline) {
        while (pop3 != null && pop3.isOpen() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return pop3 == null || !pop3.isOpen();
    }

    public boolean isOpen() {
        return pop3 != null && pop3.isOpen();
    }

    /** {@code #k} is message k's number at login; {@code #k.uid} its UIDL. */
    public RefResolver refs() {
        return new RefResolver() {
            @Override
            public OptionalLong sequence(int k) {
                int n = numbering.indexOf(k) + 1;
                return n == 0 ? OptionalLong.empty() : OptionalLong.of(n);
            }

            @Override
            public Optional<Value> uid(int k) {
                int n = numbering.indexOf(k) + 1;
                return Optional.ofNullable(uidls.get(n)).map(Value::text);
            }
        };
    }

    public void startTls(int line) {
        Pop3Reply reply;
        try {
            reply = pop3.stls();
        } catch (UntrustedCertificateException e) {
            throw new SetupError(line, name(), e.getMessage(), e);
        } catch (ProtocolException e) {
            throw new StepFailure(line, name(), "STLS", "+OK and a TLS handshake", e.getMessage());
        }
        if (!reply.isOk()) {
            throw new StepFailure(line, name(), "STLS", "+OK and a TLS handshake", describe(reply));
        }
    }

    /**
     * The TLS handshake after a STLS the script sent itself and whose {@code +OK} a group has read. Cleartext
     * the server sent after that {@code +OK} fails the step. With {@code orClosed}, a handshake that fails or a
     * connection the server closes is accepted, and so is a handshake that stalls past the bound: the
     * connection is dropped and {@code true} returned (the session has ended).
     */
    public boolean handshake(int line, boolean orClosed) {
        if (orClosed && !pop3.isOpen()) {
            transcript.note("connection closed before the TLS handshake (accepted: 'handshake or closed')");
            disconnect(false);
            return true;
        }
        Optional<io.maildrill.pop3.Pop3Malformed> injected;
        try {
            injected = pop3.handshakeAfterStls(unsolicitedSeen);
        } catch (ProtocolException e) {
            if (e instanceof UntrustedCertificateException) {
                // The handshake got as far as the certificate, which the run's own trust refused:
                // the check that follows it cannot be made, so it is an error, never accepted.
                throw new SetupError(line, name(), e.getMessage(), e);
            }
            if (orClosed) {
                // A stall counts as a failure: a server that took injected octets for the start of a
                // TLS record waits for the rest of it forever, having executed nothing.
                transcript.note("TLS handshake failed or stalled (accepted: 'handshake or closed'): " + e.getMessage());
                disconnect(false);
                return true;
            }
            throw new StepFailure(line, name(), "", "TLS handshake", e.getMessage());
        }
        unsolicitedSeen = pop3.unsolicitedReplies().size();
        if (injected.isPresent()) {
            throw new StepFailure(line, name(), "", "nothing before the TLS handshake",
                    "cleartext after STLS answer: " + injected.get().describe());
        }
        return false;
    }

    @Override
    public void disconnect(boolean reset) {
        if (pop3 != null) {
            if (reset) {
                pop3.abort();
            } else {
                pop3.close();
            }
        }
        pop3 = null;
        awaiting.clear();
    }

    @Override
    public void close() {
        if (pop3 != null) {
            // No QUIT: a QUIT here would commit DELEs the script chose not to commit.
            pop3.close();
            pop3 = null;
        }
    }

    static String describe(Pop3Reply reply) {
        return reply instanceof Pop3Response r ? r.firstLine() : "malformed reply: " + reply.describe();
    }

    public Duration connectTimeout() {
        return env.connectTimeout();
    }

    public SessionEnv env() {
        return env;
    }

    /** The built-in variables are the session's own account ({@link AccountVariables}); others are the script's. */
    private Optional<Value> variable(String name) {
        return name.equals("apop_digest") ? apopDigest() : AccountVariables.lookup(name, env, transcript.redactor());
    }

    /**
     * {@code $apop_digest} for this connection's greeting (RFC 1939 §7); empty (unbound) when the
     * greeting has no timestamp. The digest proves knowledge of the password, so it is masked too.
     */
    private Optional<Value> apopDigest() {
        Optional<String> digest = pop3 == null ? Optional.empty() : pop3.apopDigest(env.account().password());
        digest.ifPresent(d -> transcript.redactor().addSecret(d));
        return digest.map(Value::text);
    }
}
