package io.maildrill.run.session;

import io.maildrill.run.match.ImapData;
import io.maildrill.imap.ImapCommand;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.LiteralMode;
import io.maildrill.imap.codec.ImapCommandEncoder;
import io.maildrill.model.MailboxView;
import io.maildrill.net.ProtocolException;
import io.maildrill.net.UntrustedCertificateException;
import io.maildrill.run.match.RefResolver;
import io.maildrill.run.match.Value;
import io.maildrill.script.ast.CommandPart;
import io.maildrill.script.ast.Pattern;
import io.maildrill.script.ast.Selection;
import io.maildrill.script.ast.SessionDecl;
import io.maildrill.transcript.Transcript;

import io.maildrill.imap.codec.ImapResponseDecoder;
import io.maildrill.imap.transport.ImapConnection;
import io.maildrill.imap.transport.Outgoing;
import io.maildrill.imap.transport.TagSequence;
import io.maildrill.run.session.ImapArrivals.Command;
import io.maildrill.run.session.ImapArrivals.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An IMAP session of a script. Reads every response in arrival order and applies it to the
 * session's {@link MailboxView} at once; keeps the untagged responses no group has claimed yet
 * (each with the view it arrived under, for {@code #k} in patterns), the commands in flight by tag,
 * and tagged responses that answer no command (unexpected completions).
 */
public final class ImapScriptSession implements ScriptSession {

    private final SessionDecl decl;
    private final SessionEnv env;
    private final Transcript transcript;
    /** The session's automatic tags: its name and a count ({@code A1}, {@code A2}, ...). */
    private final TagSequence tags;
    private ImapConnection connection;
    private ArrivalQueue queue;
    private ImapResponse greeting;
    private String closedWhy;
    /** The tag of the last STARTTLS sent: its own late completion is no injected answer. */
    private String startTlsTag;
    /** What was sent and what arrived, for the groups to claim from. */
    private final ImapArrivals arrivals = new ImapArrivals();
    /** The session's belief about its selected mailbox, updated by every arrival. */
    private final SessionMailbox mailbox;
    private Command idle;

    public ImapScriptSession(SessionDecl decl, SessionEnv env, Transcript transcript) {
        this.decl = decl;
        this.env = env;
        this.transcript = transcript;
        this.tags = new TagSequence(decl.name(), 0);
        this.mailbox = new SessionMailbox(decl.name(), env.fixture(), arrivals::problem);
    }

    @Override
    public SessionDecl decl() {
        return decl;
    }

    @Override
    public Transcript transcript() {
        return transcript;
    }

    public SessionEnv env() {
        return env;
    }

    @Override
    public boolean connected() {
        return connection != null;
    }

    @Override
    public boolean open() {
        return connection != null && connection.isOpen();
    }

    public Optional<ImapResponse> greeting() {
        return Optional.ofNullable(greeting);
    }

    public Optional<MailboxView> view() {
        return mailbox.view();
    }

    @Override
    public long count() {
        return mailbox.count();
    }

    // ---- connection -----------------------------------------------------------------------

    @Override
    public void connect(int line) {
        resetState();
        try {
            ArrivalQueue queue = new ArrivalQueue();
            connection = ImapConnection.connect(env.target().requireImap(), env.target().tls(), transcript, env.connectTimeout(),
                    new ImapResponseDecoder(), ArrivalQueue.NAME, queue);
            this.queue = queue;
        } catch (ProtocolException e) {
            throw new SetupError(line, name(), "cannot connect session " + name() + ": " + e.getMessage(), e);
        }
        Instant deadline = Instant.now().plus(env.connectTimeout());
        await(() -> greeting != null, deadline); // the greeting is the first response
        if (greeting == null) {
            throw new SetupError(line, name(), closedWhy != null ? "session " + name() + ": " + closedWhy + " before the greeting"
                    : "no greeting in session " + name() + " within " + env.connectTimeout().toSeconds() + "s", null);
        }
        if (decl.autoLogin()) {
            login(line);
            if (!(decl.selection() instanceof Selection.NoSelection)) {
                select(line);
            }
        }
    }

    private void resetState() {
        greeting = null;
        mailbox.forget();
        closedWhy = null;
        arrivals.reset();
        idle = null;
    }

    /** The standard login as the declared account; must succeed. */
    public void login(int line) {
        transcript.redactor().addCredentials(env.account().user(), env.account().password());
        // each argument as an atom, a quoted string or a literal (8-bit, CR, LF), as any client must
        ImapCommand cmd = ImapCommand.builder("LOGIN").arg(env.account().user()).arg(env.account().password()).build();
        ImapResponse.Tagged t = runSetup(line, cmd);
        if (!t.ok()) {
            throw new StepFailure(line, name(), tagless(cmd.toString()), "LOGIN as " + env.account().user() + " answered OK",
                    ImapData.describe(t));
        }
    }

    /** SELECT/EXAMINE as declared (the fixture mailbox for select=none), then seeds the view. */
    public void select(int line) {
        String mailbox = env.fixture().mailbox();
        String verb = "SELECT";
        Selection s = decl.selection();
        if (s instanceof Selection.NamedMailbox n) {
            mailbox = n.name();
        } else if (s instanceof Selection.Examine e) {
            verb = "EXAMINE";
            mailbox = e.name().isEmpty() ? mailbox : e.name();
        }
        ImapCommand cmd = ImapCommand.builder(verb).arg(mailbox).build();
        this.mailbox.selecting(mailbox.equalsIgnoreCase(env.fixture().mailbox()));
        ImapResponse.Tagged t = runSetup(line, cmd);
        if (!t.ok()) {
            throw new StepFailure(line, name(), cmd.toString(), verb + " " + mailbox + " answered OK", ImapData.describe(t));
        }
        seedView(line);
    }

    /** Starts the view from the last EXISTS and learns UIDs and flags, as docs/scripts.md prescribes. */
    private void seedView(int line) {
        if (mailbox.seed().size() > 0) {
            runSetup(line, "UID FETCH 1:* (UID FLAGS)");
        }
    }

    /** Sends a runner command and waits for its completion; its untagged responses are applied, then dropped. */
    public ImapResponse.Tagged runSetup(int line, String commandText) {
        return runSetup(line, ImapCommand.of(commandText));
    }

    /**
     * A runner command of the library's parts: its literals go synchronizing ({@code {n}}), each
     * after the server's continuation, the way every IMAP server must accept them.
     */
    private ImapResponse.Tagged runSetup(int line, ImapCommand command) {
        String commandText = command.toString();
        // the runner's own commands (LOGIN, SELECT, UID FETCH, NOOP) never store flags
        Command cmd = register(line, nextAutoTag(), transcript.redactor().redact(commandText), false, Optional.empty());
        try {
            writeCommand(line, cmd, ImapCommandEncoder.encode(cmd.tag(), command, LiteralMode.SYNCHRONIZING));
        } catch (StepFailure e) {
            arrivals.withdraw(cmd);
            throw e;
        }
        Instant deadline = Instant.now().plus(env.connectTimeout());
        await(() -> cmd.completion().isPresent(), deadline);
        arrivals.withdraw(cmd);
        if (cmd.completion().isEmpty()) {
            String why = closedWhy != null ? closedWhy : "no tagged response for " + cmd.tag() + " within "
                    + env.connectTimeout().toSeconds() + "s";
            throw new StepFailure(line, name(), cmd.tag() + " " + tagless(commandText), "a tagged completion", why);
        }
        if (arrivals.nothingInFlight()) {
            arrivals.dropBefore(cmd.completionIndex());
        }
        return cmd.completion().orElseThrow();
    }

    private static String tagless(String text) {
        return text.startsWith("LOGIN ") ? "LOGIN <redacted>" : text;
    }

    @Override
    public void disconnect(boolean reset) {
        if (connection != null) {
            if (reset) {
                transcript.note("abort: connection reset without LOGOUT");
                connection.abort();
            } else {
                connection.close();
            }
        }
        connection = null;
        arrivals.dropCommands();
        idle = null;
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            if (connection.isOpen() && idle == null && arrivals.nothingInFlight()) {
                write((nextAutoTag() + " LOGOUT\r\n").getBytes(StandardCharsets.US_ASCII));
                Instant deadline = Instant.now().plusSeconds(2);
                await(() -> false, deadline); // let the server answer and close
            }
        } catch (RuntimeException ignored) {
            // closing is best effort; the result is already decided
        } finally {
            connection.close();
            connection = null;
        }
    }

    // ---- sending --------------------------------------------------------------------------

    /**
     * Sends one script command. Synchronizing literals wait (bounded) for the continuation; if the
     * completion comes instead, the rest is not sent and the group judges the completion.
     */
    public Command send(int line, Optional<String> explicitTag, List<CommandPart> parts) {
        drainAvailable();
        String tag = explicitTag.orElseGet(this::nextAutoTag);
        arrivals.inFlight(tag).ifPresent(busy -> {
            throw new StepFailure(line, name(), tag + " ...", "tag " + tag + " free",
                    "tag " + tag + " is still in use by the command at line " + busy.line());
        });
        ImapCommandWriter.Written written = writer().command(line, tag, parts);
        String text = written.shown();
        Command cmd = register(line, tag, text, written.selects(), written.silentStore());
        if (cmd.selects()) {
            cmd.viewBefore = mailbox.view().orElse(null);
            mailbox.selecting(selectsFixtureMailbox(text.substring(Math.min(text.length(), tag.length() + 1))));
        }
        // each literal announced as the script wrote it: the mode is for literals that leave it open
        writeCommand(line, cmd, ImapCommandEncoder.encode(tag, written.command(), LiteralMode.SYNCHRONIZING));
        return cmd;
    }

    /**
     * Hands a command to the transport, which holds each synchronizing literal back until the
     * server's {@code +}, and waits (each continuation bounded by the group timeout) until it is all
     * written. A completion or a close instead ends the wait: the rest is not sent, and the
     * command's group judges what came (it may accept it: {@code A< BAD|NO|BYE}, {@code A< NO|closed}).
     */
    private void writeCommand(int line, Command cmd, ImapCommandEncoder.Encoded encoded) {
        Outgoing outgoing = connection.send(new Outgoing(cmd.tag(), encoded));
        if (encoded.continuationsNeeded() == 0) {
            return;
        }
        outgoing.written().whenComplete((done, failure) -> queue.wake());
        int seen = cmd.continuationCount();
        Instant deadline = Instant.now().plus(env.groupTimeout());
        // A command the transport gave up on ends in its completion or the close, which follow in the queue.
        while (!Boolean.TRUE.equals(outgoing.written().getNow(false)) && cmd.completion().isEmpty() && closedWhy == null
                && pumpUntil(deadline)) {
            if (cmd.continuationCount() > seen) {
                seen = cmd.continuationCount();
                deadline = Instant.now().plus(env.groupTimeout());
            }
        }
        if (Boolean.TRUE.equals(outgoing.written().getNow(false))) {
            return;
        }
        if (cmd.completion().isPresent()) {
            transcript.note("completion before the literal's continuation: the literal is not sent");
        } else if (closedWhy != null) {
            // BYE and a close instead of "+" (RFC 3501 §7.1.5)
            transcript.note("the server closed the connection instead of asking for the literal: the literal is not sent");
        } else {
            throw new StepFailure(line, name(), cmd.text(), "+ continuation for the literal",
                    "no continuation within " + env.groupTimeout().toSeconds() + "s");
        }
    }

    /** Octets exactly as given, if the connection is still open (a closed one is the group's to judge). */
    private void write(byte[] octets) {
        if (connection.isOpen()) {
            connection.writeRaw(octets).awaitUninterruptibly(10_000);
        }
    }

    /** What came in cleartext after the STARTTLS answer, as the step shows it. */
    private static List<String> describe(ImapConnection.Injected injected) {
        List<String> out = new ArrayList<>();
        injected.responses().forEach(response -> out.add(ImapData.describe(response)));
        if (injected.undecoded().length > 0) {
            out.add(new String(injected.undecoded(), StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    /**
     * {@code A+>}: the client's answer to the continuation request of the command in flight (a SASL
     * response, or {@code *} to cancel), the line and CRLF; the command's status comes later.
     */
    public String answer(int line, List<CommandPart> parts) {
        drainAvailable();
        ImapCommandWriter.Answer answer = writer().answer(line, parts);
        write(answer.octets());
        return answer.shown();
    }

    /**
     * After a group that ended at a continuation request: the responses it judged are used up, and
     * the command stays in flight (with no continuation seen yet) for the client's answer.
     */
    public void finishContinuationGroup(Command cmd, List<Received> candidates, List<Received> claimed) {
        arrivals.claimUpToContinuation(cmd, candidates, claimed);
    }


    /** Sends octets exactly as written; with a handle, registers the command the octets hold. */
    public void sendRaw(int line, Optional<String> handle, byte[] octets) {
        drainAvailable();
        handle.ifPresent(h -> {
            String text = new String(octets, StandardCharsets.ISO_8859_1);
            int eol = text.indexOf("\r\n");
            String first = eol < 0 ? text : text.substring(0, eol);
            register(line, h, transcript.redactor().redact(first), false,
                    SilentStore.of(first.substring(Math.min(first.length(), h.length()))));
            if (first.regionMatches(true, h.length(), " STARTTLS", 0, 9)) {
                connection.holdAfterOk(h);
                startTlsTag = h;
            }
        });
        write(octets);
    }

    /** Whether "SELECT name ..." / "EXAMINE name ..." names the fixture mailbox (quoted or not). */
    private boolean selectsFixtureMailbox(String command) {
        String[] words = command.trim().split(" +", 3);
        if (words.length < 2) {
            return false;
        }
        String name = words[1].length() >= 2 && words[1].startsWith("\"") && words[1].endsWith("\"")
                ? words[1].substring(1, words[1].length() - 1) : words[1];
        return name.equalsIgnoreCase(env.fixture().mailbox());
    }

    private Command register(int line, String tag, String text, boolean selects, Optional<SilentStore> silentStore) {
        return arrivals.sent(line, tag, text, selects, silentStore);
    }


    private String nextAutoTag() {
        return tags.next(arrivals::tagInUse);
    }

    private String resolveForCommand(int line, int k, Pattern.RefKind kind) {
        long uid = env.fixture().uid(k);
        if (kind == Pattern.RefKind.UID) {
            if (uid == 0) {
                throw new StepFailure(line, name(), "", "#" + k + ".uid known", "the UID of fixture message " + k + " is unknown");
            }
            return Long.toString(uid);
        }
        int i = mailbox.uids().indexOf(uid);
        if (i < 0) {
            throw new StepFailure(line, name(), "", "#" + k + " in session " + name() + "'s view",
                    "#" + k + " was expunged in session " + name() + " (line " + line + ")");
        }
        return Long.toString(i + 1);
    }

    // ---- receiving ------------------------------------------------------------------------

    /**
     * The one wait of the session: reads arrivals (each applied to the ledger and the mailbox as it
     * comes) until {@code done} holds, the connection is closed or gone, or {@code deadline} passes.
     * The caller looks at the state it waited for to tell which.
     */
    public void await(java.util.function.BooleanSupplier done, Instant deadline) {
        while (!done.getAsBoolean() && closedWhy == null && pumpUntil(deadline)) {
            // every arrival is handled by pumpUntil
        }
    }

    /** Reads one event, waiting until {@code deadline}; false when the deadline passed or the connection is gone. */
    public boolean pumpUntil(Instant deadline) {
        if (connection == null) {
            return false;
        }
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative()) {
            left = Duration.ZERO;
        }
        Optional<ArrivalQueue.Event> event = queue.poll(left);
        if (event.isEmpty()) {
            return false;
        }
        handle(event.get());
        return true;
    }

    /** Applies whatever has already arrived, without waiting. */
    public void drainAvailable() {
        if (connection == null) {
            return;
        }
        Optional<ArrivalQueue.Event> event;
        while ((event = queue.poll(Duration.ZERO)).isPresent()) {
            handle(event.get());
        }
    }

    public Optional<String> closedWhy() {
        return Optional.ofNullable(closedWhy);
    }

    @Override
    public boolean awaitClosed(Instant deadline) {
        await(() -> !open(), deadline); // responses that come meanwhile are recorded as usual
        return !open() || closedWhy != null;
    }

    private void handle(ArrivalQueue.Event event) {
        if (event instanceof ArrivalQueue.Event.Closed closed) {
            if (closedWhy == null) {
                closedWhy = closed.why();
            }
            return;
        }
        if (!(event instanceof ArrivalQueue.Event.Response arrived)) {
            return; // a wake-up: the caller's loop looks again at what it waits for
        }
        ImapResponse r = arrived.response();
        if (greeting == null && (r instanceof ImapResponse.Condition || r instanceof ImapResponse.Malformed)) {
            greeting = r;
            return;
        }
        if (r instanceof ImapResponse.Tagged t) {
            Optional<Command> completed = arrivals.completion(t);
            if (completed.isEmpty()) {
                return;
            }
            Command cmd = completed.get();
            if (cmd.selects() && t.status() == io.maildrill.imap.Status.BAD) {
                // RFC 3501 section 6: a BAD never changes the selected mailbox, so the old view stands.
                // (A NO SELECT does deselect, section 6.3.1: the view stays empty then.)
                mailbox.restore(cmd.viewBefore);
            }
            if (t.ok()) {
                cmd.silentStore().ifPresent(mailbox::apply);
            }
            return;
        }
        if (r instanceof ImapResponse.Continuation c) {
            arrivals.continuation(c);
            return;
        }
        if (r instanceof ImapResponse.Other other && other.generic().number().isPresent()) {
            // Reported where it arrived, not only through what it causes later ("EXISTS is less than ...").
            arrivals.problem("untagged response \"" + ImapData.describe(r) + "\" is not in the IMAP grammar: a response "
                    + "starting with a number is EXISTS, RECENT, EXPUNGE or FETCH (RFC 3501 §7.3, §7.4)");
        }
        arrivals.untagged(r, mailbox.apply(r));
    }

    // ---- what group evaluation uses --------------------------------------------------------

    /** The command a group is about: the one the group's send line sent and no group has judged yet. */
    public Optional<Command> commandFor(int sendLine) {
        return arrivals.commandFor(sendLine);
    }

    /** Unclaimed untagged responses that arrived before {@code limitIndex}, in arrival order. */
    public List<Received> candidatesBefore(long limitIndex) {
        return arrivals.candidatesBefore(limitIndex);
    }

    /** Unclaimed untagged responses that arrived since the idle start or the previous idle group. */
    public List<Received> idleCandidates() {
        return arrivals.idleCandidates();
    }

    public long nextIndex() {
        return arrivals.nextIndex();
    }

    /** Unexpected completions and model violations noticed since the last group; clears them. */
    public List<String> takeProblems() {
        return arrivals.takeProblems();
    }

    /**
     * After a command group: the ledger lets go of what it judged (see {@link ImapArrivals#claim});
     * a SELECT/EXAMINE the script sent itself reseeds the view.
     */
    public void finishGroup(Command cmd, List<Received> candidates, List<Received> claimed) {
        arrivals.claim(cmd, candidates, claimed);
        if (cmd == idle) {
            idle = null;
        }
        if (cmd.selects() && cmd.completion().map(ImapResponse.Tagged::ok).orElse(false) && connection != null
                && closedWhy == null) {
            seedView(cmd.line());
        }
    }

    public void finishIdleGroup(List<Received> candidates) {
        arrivals.claimIdle(candidates);
    }

    /** Resolves {@code #k} for a response as the view stood just before it applied. */
    public RefResolver refsAt(List<Long> uidsBefore) {
        return mailbox.refsAt(uidsBefore);
    }

    /** References resolved against the view as it stands now (status lines, failure texts). */
    public RefResolver refsNow() {
        return mailbox.refsAt(mailbox.uids());
    }

    // ---- IDLE and TLS ---------------------------------------------------------------------

    public void idleStart(int line) {
        drainAvailable();
        arrivals.dropUnclaimedIfNoneAwaiting();
        String tag = nextAutoTag();
        Command cmd = register(line, tag, tag + " IDLE", false, Optional.empty());
        write((tag + " IDLE\r\n").getBytes(StandardCharsets.US_ASCII));
        Instant deadline = Instant.now().plus(env.groupTimeout());
        await(() -> cmd.continuationCount() > 0 || cmd.completion().isPresent(), deadline); // "+ idling"
        if (cmd.continuationCount() == 0) {
            arrivals.withdraw(cmd);
            String actual = cmd.completion().isPresent() ? ImapData.describe(cmd.completion().get())
                    : closedWhy != null ? closedWhy : "no continuation within " + env.groupTimeout().toSeconds() + "s";
            throw new StepFailure(line, name(), cmd.text(), "+ continuation after IDLE", actual);
        }
        idle = cmd;
        arrivals.markIdle();
    }

    public void idleDone(int line) {
        if (idle == null) {
            throw new StepFailure(line, name(), "DONE", "session " + name() + " idling", "not idling");
        }
        write("DONE\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** STARTTLS with an automatic tag; must be answered OK, then the handshake. */
    public void startTls(int line) {
        drainAvailable();
        String tag = nextAutoTag();
        connection.holdAfterOk(tag);
        startTlsTag = tag;
        Command cmd = register(line, tag, tag + " STARTTLS", false, Optional.empty());
        write((tag + " STARTTLS\r\n").getBytes(StandardCharsets.US_ASCII));
        Instant deadline = Instant.now().plus(env.groupTimeout());
        await(() -> cmd.completion().isPresent(), deadline);
        arrivals.withdraw(cmd);
        if (!cmd.completion().map(ImapResponse.Tagged::ok).orElse(false)) {
            throw new StepFailure(line, name(), cmd.text(), "OK",
                    cmd.completion().map(ImapData::describe).orElse(closedWhy != null ? closedWhy : "no answer"));
        }
        handshake(line);
    }

    /** The TLS handshake; plaintext after the STARTTLS answer fails the step. */
    public void handshake(int line) {
        handshake(line, false);
    }

    /**
     * The TLS handshake; plaintext after the STARTTLS answer fails the step. With {@code orClosed}, a
     * handshake that fails, stalls past the bound, or a connection the server closes is accepted: the
     * connection is dropped and {@code true} returned (the session has ended).
     */
    public boolean handshake(int line, boolean orClosed) {
        drainAvailable();
        List<String> injected = describe(connection.takeInjected(env.connectTimeout()));
        if (!injected.isEmpty() && orClosed && onlyTheStartTlsCommandsOwnEnd(injected)) {
            // The server read the injected octets as the start of a TLS record, failed, and says so
            // for the STARTTLS command (or says BYE): it ran nothing injected, as when the same
            // reply comes after our ClientHello and the handshake fails.
            transcript.note("the server ended TLS negotiation in cleartext (accepted: 'handshake or closed'): "
                    + String.join(" | ", injected));
            disconnect(false);
            return true;
        }
        if (!injected.isEmpty()) {
            throw new StepFailure(line, name(), "", "nothing before the TLS handshake",
                    "cleartext after STARTTLS answer: " + String.join(" | ", injected));
        }
        if (orClosed && (closedWhy != null || !connection.isOpen())) {
            transcript.note("connection closed before the TLS handshake (accepted: 'handshake or closed')");
            disconnect(false);
            return true;
        }
        try {
            List<String> late = describe(connection.handshake(env.connectTimeout()));
            if (!late.isEmpty()) {
                // came while the handshake started; told apart from a response inside TLS, not judged
                transcript.note("cleartext while the TLS handshake started (discarded): " + String.join(" | ", late));
            }
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
        return false;
    }

    /** Whether every cleartext line is a completion of the STARTTLS command itself or a BYE. */
    private boolean onlyTheStartTlsCommandsOwnEnd(List<String> injected) {
        for (String chunk : injected) {
            for (String text : chunk.split("\r?\n")) {
                boolean own = startTlsTag != null && text.startsWith(startTlsTag + " ");
                if (!text.isBlank() && !own && !text.startsWith("* BYE")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The built-in variables are the session's own account ({@link AccountVariables}); others are the script's. */
    private Optional<Value> variable(String name) {
        return AccountVariables.lookup(name, env, transcript.redactor());
    }

    /** The command writer over this session's variables, view, scratch mailboxes and fixture. */
    private ImapCommandWriter writer() {
        return new ImapCommandWriter(name(), new ImapCommandWriter.Values() {
            @Override
            public Value variable(int line, String name, String shownSoFar) {
                return ImapScriptSession.this.variable(name).orElseThrow(() -> new StepFailure(line, name(), shownSoFar,
                        "$" + name + " bound", "$" + name + " is not bound"));
            }

            @Override
            public String messageRef(int line, int k, Pattern.RefKind kind) {
                return resolveForCommand(line, k, kind);
            }

            @Override
            public String scratchMailbox(String name) {
                return env.scratchMailbox(name);
            }

            @Override
            public byte[] fixtureMessage(int k) {
                return env.fixtureMessage(k);
            }
        }, transcript.redactor());
    }

}
