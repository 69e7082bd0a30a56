package io.maildrill.load;

import io.maildrill.imap.ImapCommand;
import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.ImapSession;
import io.maildrill.imap.SelectResult;
import io.maildrill.imap.Status;
import io.maildrill.target.Account;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.Transcript;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One simulated IMAP user: walks its persona's cycle of steps without a thread of its own. The
 * {@link StepPlanner} says which steps go out together (one, or a pipeline of several); each plan
 * is sent from the session's event loop and the next one starts from the last completion's
 * callback there (after the persona's pause); only connecting runs on the run's connector pool.
 * Every response goes through the session's {@link SessionOracle}, each exactly once.
 *
 * <p>Errors (BAD, a timeout, a dropped connection, a malformed reply) are counted for the step's
 * kind, and the user starts again from LOGIN on a new connection. When one command of a pipeline
 * fails and the connection is dropped, the rest fail with it; only the first is counted.
 */
final class ImapVirtualUser implements VirtualUser {

    private final LoadContext context;
    private final UserPacing pacing;
    private final String name;
    private final Account account;
    private final LoadProfile.Persona persona;
    private final LoadProfile profile;
    private final SessionOracle oracle;
    private final SplittableRandom random;
    private final ImapStepCommands commands;
    private final UserLifetime lifetime;
    private final StepPlanner<ImapStep> planner;
    private ImapSession session;
    private boolean mustSelect;

    /**
     * @param intendedStartNanos -1 for a closed-model user, which walks its cycle until the run
     *                           ends; otherwise an open-model arrival, meant to start then, which
     *                           walks its cycle once, logs out and is done (its SESSION time, and
     *                           its first CONNECT, are measured from that moment)
     * @param onFinish           called once, when the user is done
     */
    ImapVirtualUser(LoadContext context, String name, Account account, LoadProfile profile, LoadProfile.Persona persona,
                    SharedMailbox mailbox, long seed, long intendedStartNanos, Runnable onFinish) {
        this.context = context;
        this.pacing = new UserPacing(context, persona.think());
        this.name = name;
        this.account = account;
        this.profile = profile;
        this.persona = persona;
        this.oracle = new SessionOracle(name, mailbox, context.stats().violations(), context.clock());
        this.random = new SplittableRandom(seed);
        this.commands = new ImapStepCommands(profile.mailbox(), profile.messages(), context.messages(), context.runId() + "/" + name);
        this.planner = StepPlanner.imap(persona.steps(), persona.pipeline(), intendedStartNanos >= 0);
        this.lifetime = new UserLifetime(context, pacing, intendedStartNanos, onFinish);
    }

    @Override
    public void start(long delayNanos) {
        context.timer().schedule(this::takeNextStep, delayNanos, TimeUnit.NANOSECONDS);
    }

    // ---- choosing the steps ----------------------------------------------------------------

    private void takeNextStep() {
        if (context.over()) {
            finish();
            return;
        }
        if (planner.lapDone()) {
            // an open-model session walked its cycle once: it logs out (if its cycle did not) and is done
            if (session != null) {
                run(List.of(ImapStep.LOGOUT));
            } else {
                sessionDone();
            }
            return;
        }
        List<ImapStep> plan = nextPlan();
        if (plan.isEmpty()) {
            pauseThen(this::takeNextStep);
        } else if (plan.get(0) == ImapStep.LOGIN) {
            context.connector().execute(this::connectAndLogin);
        } else {
            run(plan);
        }
    }

    /** A SELECT alone when the oracle lost track of the mailbox, else what the planner draws. */
    private List<ImapStep> nextPlan() {
        if (session != null && mustSelect) {
            mustSelect = false;
            return List.of(ImapStep.SELECT);
        }
        return planner.next(random, this::applicable);
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
            case IDLE -> oracle.selectedMailbox() && session.capabilities().contains("IDLE");
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
        long t0 = lifetime.connectTimedFrom();
        try {
            session = ImapSession.connect(context.endpoint(), context.tls(), transcript, context.timeout());
            context.stats().kind(LoadStats.CONNECT).completed(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0), false);
        } catch (RuntimeException e) {
            lifetime.error(context.stats().kind(ImapStep.LOGIN.name()), "connect: " + UserLifetime.errorKind(e));
            retryLater();
            return;
        }
        context.stats().sessionOpened();
        ImapSession opened = session;
        opened.eventLoop().execute(() -> send(new InFlight(1), 0, ImapStep.LOGIN, "LOGIN " + account.user() + " <password>",
                opened.loginAsync(account.user(), account.password())));
    }

    // ---- the steps -------------------------------------------------------------------------

    private void run(List<ImapStep> steps) {
        oracle.onUnsolicited(session.drainUnsolicited());
        if (steps.get(0) == ImapStep.IDLE) {
            idle(); // the planner sends it alone
            return;
        }
        boolean condstore = session.capabilities().contains("CONDSTORE");
        List<ImapStep> sent = new ArrayList<>(steps.size());
        List<ImapCommand> commandsToSend = new ArrayList<>(steps.size());
        for (ImapStep step : steps) {
            commands.command(step, oracle.size(), step == ImapStep.SELECT && condstore, random).ifPresent(command -> {
                sent.add(step);
                commandsToSend.add(command);
            });
        }
        if (sent.isEmpty()) {
            pauseThen(this::takeNextStep); // every drawn step had nothing to do (a STORE that drew no message)
            return;
        }
        InFlight plan = new InFlight(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            ImapStep step = sent.get(i);
            ImapCommand command = commandsToSend.get(i);
            String shown = step == ImapStep.APPEND ? "APPEND " + profile.mailbox() + " {literal}" : command.toString();
            send(plan, i, step, shown, session.sendAsync(command));
        }
    }

    /**
     * Times the command from now, bounds it by the timeout (a task on the session's own event loop,
     * cancelled when the answer comes: no other thread is involved per command), and continues
     * there when it completes.
     */
    private void send(InFlight plan, int index, ImapStep step, String shown, CompletableFuture<ImapCompletion> sent) {
        long startNanos = System.nanoTime();
        ScheduledExecutorService loop = session.eventLoop();
        ScheduledFuture<?> bound = loop.schedule(
                () -> sent.completeExceptionally(new TimeoutException("no answer within " + context.timeout())),
                context.timeout().toNanos(), TimeUnit.NANOSECONDS);
        sent.whenComplete((completion, error) -> {
            bound.cancel(false);
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startNanos);
            Answer answer = new Answer(step, shown, micros, completion, error);
            UserPacing.onLoop(loop, () -> answered(plan, index, answer));
        });
    }

    /**
     * IDLE until the persona's idle time is up or the run ends, then DONE. Each pushed response goes
     * through the oracle as it arrives; the IDLE's latency is from DONE (or, when the server ends
     * IDLE itself, from IDLE) to the tagged answer. Both waits on the server are bounded.
     */
    private void idle() {
        ImapSession idling = session;
        ScheduledExecutorService loop = idling.eventLoop();
        ImapSession.IdleCall call = idling.idleAsync(response -> {
            if (session == idling) {
                context.stats().pushed(response);
                oracle.onCommand(ImapStep.IDLE, "IDLE", List.of(response));
            }
        });
        CompletableFuture<ImapCompletion> answer = call.completion();
        long[] timedFrom = {System.nanoTime()};
        ScheduledFuture<?> startBound = loop.schedule(
                () -> answer.completeExceptionally(new TimeoutException("no continuation within " + context.timeout())),
                context.timeout().toNanos(), TimeUnit.NANOSECONDS);
        call.started().thenRun(() -> {
            startBound.cancel(false);
            long idleNanos = Math.min(persona.idle().toNanos(), Math.max(0, context.endNanos() - System.nanoTime()));
            loop.schedule(() -> {
                if (answer.isDone()) {
                    return;
                }
                timedFrom[0] = System.nanoTime();
                call.done();
                ScheduledFuture<?> doneBound = loop.schedule(
                        () -> answer.completeExceptionally(new TimeoutException("no answer to DONE within " + context.timeout())),
                        context.timeout().toNanos(), TimeUnit.NANOSECONDS);
                answer.whenComplete((c, e) -> doneBound.cancel(false));
            }, idleNanos, TimeUnit.NANOSECONDS);
        });
        InFlight plan = new InFlight(1);
        answer.whenComplete((completion, error) -> {
            startBound.cancel(false);
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - timedFrom[0]);
            UserPacing.onLoop(loop, () -> answered(plan, 0, new Answer(ImapStep.IDLE, "IDLE", micros, completion, error)));
        });
    }

    /** One command's outcome, kept until the commands sent before it are handled. */
    private record Answer(ImapStep step, String shown, long micros, ImapCompletion completion, Throwable error) {
    }

    /**
     * The commands of one plan until all are answered. Answers are handled in the order the
     * commands were sent: the session attributes an untagged response to every command in flight
     * when it arrives, so taking each response at its first command gives the oracle each one once,
     * in arrival order, with the command it arrived during.
     */
    private static final class InFlight {
        final Answer[] answers;
        int handled;
        boolean failed;
        final Set<ImapResponse> seen;

        InFlight(int size) {
            answers = new Answer[size];
            seen = size > 1 ? Collections.newSetFromMap(new IdentityHashMap<>()) : null;
        }

        List<ImapResponse> firstSeen(List<ImapResponse> untagged) {
            if (seen == null) {
                return untagged;
            }
            List<ImapResponse> fresh = new ArrayList<>(untagged.size());
            for (ImapResponse response : untagged) {
                if (seen.add(response)) {
                    fresh.add(response);
                }
            }
            return fresh;
        }
    }

    private void answered(InFlight plan, int index, Answer answer) {
        if (answer.error() != null && !plan.failed) {
            // the first failure drops the connection at once; the rest of the plan fails with it
            plan.failed = true;
            lifetime.error(context.stats().kind(answer.step().name()), UserLifetime.errorKind(answer.error()));
            disconnect(true);
        }
        plan.answers[index] = answer;
        while (plan.handled < plan.answers.length && plan.answers[plan.handled] != null) {
            Answer next = plan.answers[plan.handled++];
            if (next.error() == null) {
                completed(plan, next);
            }
        }
        if (plan.handled == plan.answers.length) {
            if (plan.failed) {
                retryLater();
            } else {
                pauseThen(this::takeNextStep);
            }
        }
    }

    private void completed(InFlight plan, Answer answer) {
        ImapStep step = answer.step();
        ImapCompletion completion = answer.completion();
        CommandStats stats = context.stats().kind(step.name());
        if (completion.status() == Status.BAD) {
            lifetime.error(stats, "BAD");
        } else {
            stats.completed(answer.micros(), completion.status() == Status.NO);
        }
        List<ImapResponse> untagged = plan.firstSeen(completion.untagged());
        if (untagged.stream().anyMatch(r -> r instanceof ImapResponse.Malformed)) {
            lifetime.error(stats, "malformed reply");
        }
        if (plan.failed || session == null) {
            return; // the connection is gone: what it still said is counted, not checked against a dropped view
        }
        if (step != ImapStep.LOGIN) {
            oracle.onCommand(step, answer.shown(), untagged);
        }
        switch (step) {
            case LOGIN -> {
                if (!completion.ok()) {
                    lifetime.error(stats, "LOGIN refused");
                    disconnect(false);
                }
            }
            case SELECT -> {
                if (completion.ok()) {
                    oracle.selected(SelectResult.from(completion));
                } else {
                    lifetime.error(stats, "SELECT refused");
                    oracle.deselected();
                }
            }
            case LOGOUT -> disconnect(false);
            default -> { }
        }
        if (oracle.diverged()) {
            mustSelect = true;
        }
    }

    // ---- pacing and ending -----------------------------------------------------------------

    private void pauseThen(Runnable next) {
        pacing.pauseThen(session == null ? null : session.eventLoop(), next);
    }

    /** After an error: a new connection, not at once (closed model), or the end (open model). */
    private void retryLater() {
        lifetime.retryOrEnd(this::takeNextStep, () -> disconnect(false));
    }

    private void disconnect(boolean abort) {
        if (session == null) {
            return;
        }
        ImapSession closing = session;
        session = null;
        oracle.deselected();
        planner.restart();
        mustSelect = false;
        context.stats().sessionClosed();
        if (abort) {
            closing.abort();
        } else {
            context.connector().execute(closing::close);
        }
    }

    private void finish() {
        lifetime.finish(() -> disconnect(false));
    }

    /** An open-model session that walked its cycle and logged out. */
    private void sessionDone() {
        lifetime.sessionDone(() -> disconnect(false));
    }
}
