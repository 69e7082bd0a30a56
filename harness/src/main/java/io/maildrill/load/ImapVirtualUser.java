package io.maildrill.load;

import io.maildrill.imap.ImapCommand;
import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapSession;
import io.maildrill.imap.SelectResult;
import io.maildrill.imap.Status;
import io.maildrill.net.ConnectionClosedException;
import io.maildrill.net.ProtocolException;
import io.maildrill.target.Account;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.Transcript;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One simulated IMAP user: walks its persona's cycle of steps, one command at a time, without a
 * thread of its own. Each step is sent from the session's event loop and the next one starts from
 * the completion's callback there (after the persona's pause); only connecting runs on the
 * run's connector pool. Every response goes through the session's {@link SessionOracle}.
 *
 * <p>Errors (BAD, a timeout, a dropped connection, a malformed reply) are counted for the step's
 * kind, and the user starts again from LOGIN on a new connection.
 */
final class ImapVirtualUser {

    private static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final LoadContext context;
    private final String name;
    private final Account account;
    private final LoadProfile.Persona persona;
    private final LoadProfile profile;
    private final SessionOracle oracle;
    private final SplittableRandom random;
    private final ImapStepCommands commands;
    private final CountDownLatch finished;
    private ImapSession session;
    private int nextStep;
    /** The step just taken, while its repeat chance holds. */
    private LoadProfile.Step repeating;
    private boolean mustSelect;
    private boolean done;

    ImapVirtualUser(LoadContext context, String name, Account account, LoadProfile profile, LoadProfile.Persona persona,
                    SharedMailbox mailbox, long seed, CountDownLatch finished) {
        this.context = context;
        this.name = name;
        this.account = account;
        this.profile = profile;
        this.persona = persona;
        this.oracle = new SessionOracle(name, mailbox, context.stats().violations(), context.clock());
        this.random = new SplittableRandom(seed);
        this.commands = new ImapStepCommands(profile.mailbox(), profile.messages(), context.messages());
        this.finished = finished;
    }

    /** Starts the cycle after {@code delayNanos} (the ramp-up's stagger). */
    void start(long delayNanos) {
        context.timer().schedule(this::takeNextStep, delayNanos, TimeUnit.NANOSECONDS);
    }

    // ---- choosing the step -----------------------------------------------------------------

    private void takeNextStep() {
        if (context.over()) {
            finish();
            return;
        }
        ImapStep step = chooseStep();
        if (step == null) {
            pauseThen(this::takeNextStep);
            return;
        }
        if (step == ImapStep.LOGIN) {
            context.connector().execute(this::connectAndLogin);
        } else {
            run(step);
        }
    }

    /** The next step of the cycle that the dice and the session's state allow; null when none in a whole lap. */
    private ImapStep chooseStep() {
        if (session != null && mustSelect) {
            mustSelect = false;
            return ImapStep.SELECT;
        }
        if (repeating != null) {
            LoadProfile.Step again = repeating;
            repeating = null;
            if (applicable(again.command()) && random.nextInt(100) < again.repeat()) {
                repeating = again;
                return again.command();
            }
        }
        List<LoadProfile.Step> steps = persona.steps();
        for (int tries = 0; tries < steps.size(); tries++) {
            LoadProfile.Step step = steps.get(nextStep);
            nextStep = (nextStep + 1) % steps.size();
            if (applicable(step.command()) && random.nextInt(100) < step.percent()) {
                repeating = step.repeat() > 0 ? step : null;
                return step.command();
            }
        }
        return null;
    }

    private boolean applicable(ImapStep step) {
        if (session == null) {
            return step == ImapStep.LOGIN;
        }
        int size = oracle.size();
        return switch (step) {
            case LOGIN -> false;
            case APPEND -> !oracle.selectedMailbox() || commands.appendHasRoom(size);
            case EXPUNGE -> oracle.selectedMailbox();
            default -> !step.needsMessages() || oracle.selectedMailbox() && size > 0;
        };
    }

    // ---- connecting ------------------------------------------------------------------------

    /** On the connector pool: connect (bounded by the timeout), then LOGIN from the session's event loop. */
    private void connectAndLogin() {
        if (context.over()) {
            finish();
            return;
        }
        Transcript transcript = new Transcript(name, new CredentialRedactor());
        transcript.setEnabled(false);
        long t0 = System.nanoTime();
        try {
            session = ImapSession.connect(context.endpoint(), context.tls(), transcript, context.timeout());
            context.stats().kind(LoadStats.CONNECT).completed(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0), false);
        } catch (RuntimeException e) {
            context.stats().kind(ImapStep.LOGIN.name()).failed("connect: " + errorKind(e));
            retryLater();
            return;
        }
        context.stats().sessionOpened();
        session.eventLoop().execute(() -> send(ImapStep.LOGIN, "LOGIN " + account.user() + " <password>",
                session.loginAsync(account.user(), account.password())));
    }

    // ---- the steps -------------------------------------------------------------------------

    private void run(ImapStep step) {
        Optional<ImapCommand> command = commands.command(step, oracle.size(),
                step == ImapStep.SELECT && session.capabilities().contains("CONDSTORE"), random);
        if (command.isEmpty()) {
            takeNextStep();
            return;
        }
        oracle.onUnsolicited(session.drainUnsolicited());
        String shown = step == ImapStep.APPEND ? "APPEND " + profile.mailbox() + " {literal}" : command.get().toString();
        send(step, shown, session.sendAsync(command.get()));
    }

    /**
     * Times the command from now, bounds it by the timeout (a task on the session's own event loop,
     * cancelled when the answer comes: no other thread is involved per command), and continues
     * there when it completes.
     */
    private void send(ImapStep step, String shown, CompletableFuture<ImapCompletion> sent) {
        long startNanos = System.nanoTime();
        ScheduledExecutorService loop = session.eventLoop();
        ScheduledFuture<?> bound = loop.schedule(
                () -> sent.completeExceptionally(new TimeoutException("no answer within " + context.timeout())),
                context.timeout().toNanos(), TimeUnit.NANOSECONDS);
        sent.whenComplete((completion, error) -> {
            bound.cancel(false);
            if (((io.netty.util.concurrent.EventExecutor) loop).inEventLoop()) {
                completed(step, shown, startNanos, completion, error);
            } else {
                loop.execute(() -> completed(step, shown, startNanos, completion, error));
            }
        });
    }

    private void completed(ImapStep step, String shown, long startNanos, ImapCompletion completion, Throwable error) {
        CommandStats stats = context.stats().kind(step.name());
        if (error != null) {
            stats.failed(errorKind(error));
            disconnect(true);
            retryLater();
            return;
        }
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startNanos);
        if (completion.status() == Status.BAD) {
            stats.failed("BAD");
        } else {
            stats.completed(micros, completion.status() == Status.NO);
        }
        if (completion.untagged().stream().anyMatch(r -> r instanceof io.maildrill.imap.ImapResponse.Malformed)) {
            stats.failed("malformed reply");
        }
        if (step != ImapStep.LOGIN) {
            oracle.onCommand(step, shown, completion.untagged());
        }
        switch (step) {
            case LOGIN -> {
                if (!completion.ok()) {
                    stats.failed("LOGIN refused");
                    disconnect(false);
                }
            }
            case SELECT -> {
                if (completion.ok()) {
                    oracle.selected(SelectResult.from(completion));
                } else {
                    stats.failed("SELECT refused");
                    oracle.deselected();
                }
            }
            case LOGOUT -> disconnect(false);
            default -> { }
        }
        if (oracle.diverged()) {
            mustSelect = true;
        }
        pauseThen(this::takeNextStep);
    }

    // ---- pacing and ending -----------------------------------------------------------------

    private void pauseThen(Runnable next) {
        long think = persona.think().toNanos();
        if (session != null) {
            if (think == 0) {
                session.eventLoop().execute(next);
            } else {
                session.eventLoop().schedule(next, think, TimeUnit.NANOSECONDS);
            }
        } else if (think == 0) {
            next.run(); // LOGIN comes next, and it goes to the connector pool at once
        } else {
            context.timer().schedule(next, think, TimeUnit.NANOSECONDS);
        }
    }

    /** After an error: a new connection, but not at once, so a server that refuses is not hammered in a spin. */
    private void retryLater() {
        context.timer().schedule(this::takeNextStep, Math.max(persona.think().toNanos(), RETRY_PAUSE_NANOS),
                TimeUnit.NANOSECONDS);
    }

    private void disconnect(boolean abort) {
        if (session == null) {
            return;
        }
        ImapSession closing = session;
        session = null;
        oracle.deselected();
        nextStep = 0;
        mustSelect = false;
        context.stats().sessionClosed();
        if (abort) {
            closing.abort();
        } else {
            context.connector().execute(closing::close);
        }
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        disconnect(false);
        finished.countDown();
    }

    /** A short name for what went wrong, for the error counts (no message text: it may quote the server). */
    static String errorKind(Throwable error) {
        Throwable e = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (e instanceof TimeoutException || e instanceof io.maildrill.net.ResponseTimeoutException) {
            return "timeout";
        }
        if (e instanceof ConnectionClosedException) {
            return "connection closed";
        }
        if (e instanceof ProtocolException) {
            return "protocol error";
        }
        return e.getClass().getSimpleName();
    }
}
