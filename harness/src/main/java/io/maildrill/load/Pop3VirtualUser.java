package io.maildrill.load;

import io.maildrill.pop3.Pop3Command;
import io.maildrill.pop3.Pop3Commands;
import io.maildrill.pop3.Pop3Malformed;
import io.maildrill.pop3.Pop3ParseException;
import io.maildrill.pop3.Pop3Reply;
import io.maildrill.pop3.Pop3Response;
import io.maildrill.pop3.Pop3Session;
import io.maildrill.target.Account;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.Transcript;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One simulated POP3 user, a mail client on one computer: it logs in, downloads what it has not
 * downloaded before (by unique-id), deletes what it downloaded, and quits, or now and then loses
 * the connection before QUIT. Like {@link ImapVirtualUser} it has no thread of its own: each
 * command is sent from the session's event loop, where its answer completes
 * ({@link Pop3Session#sendAsync}), and the next one goes out from there; only connecting runs on
 * the run's connector pool. The persona's cycle is walked by a {@link StepPlanner} (one step a
 * plan: no POP3 pipelining). Every {@code +OK} answer goes through the session's {@link Pop3Oracle}.
 *
 * <p>An error (a timeout, a dropped connection, a malformed reply, a refused login) is counted for
 * the step's kind, and the user starts again from LOGIN on a new connection. A PASS refused with
 * {@code [IN-USE]} (RFC 2449 §8.1.2: another session holds the maildrop's lock, RFC 1939 §4) is an
 * answer, counted as refused, and the user tries again later.
 */
final class Pop3VirtualUser implements VirtualUser {

    private final LoadContext context;
    private final UserPacing pacing;
    private final String name;
    private final Account account;
    private final LoadProfile.Persona persona;
    private final Pop3Oracle oracle;
    private final SplittableRandom random;
    private final StepPlanner<Pop3Step> planner;
    private final UserLifetime lifetime;
    /** Unique-ids this user downloaded (this computer's memory, across its sessions) → their append ids or null. */
    private final Map<String, String> downloaded = new HashMap<>();
    private Pop3Session session;
    /** This session's UIDL listing (number → unique-id); null until UIDL was answered. */
    private Map<Integer, String> listing;

    /** As {@link ImapVirtualUser}'s: {@code intendedStartNanos} -1 for the closed model, else an open-model arrival. */
    Pop3VirtualUser(LoadContext context, String name, Account account, LoadProfile.Persona persona, Pop3Maildrop maildrop,
                    long seed, long intendedStartNanos, Runnable onFinish) {
        this.context = context;
        this.pacing = new UserPacing(context, persona.think());
        this.name = name;
        this.account = account;
        this.persona = persona;
        this.oracle = new Pop3Oracle(name, maildrop, context.stats().violations(), context.clock());
        this.random = new SplittableRandom(seed);
        this.planner = StepPlanner.pop3(persona.steps(), intendedStartNanos >= 0);
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
            if (session != null) {
                quit(); // an open-model session walked its cycle once: it quits, if its cycle did not
            } else {
                sessionDone();
            }
            return;
        }
        List<Pop3Step> plan = planner.next(random, this::applicable);
        if (plan.isEmpty()) {
            pauseThen(this::takeNextStep);
            return;
        }
        switch (plan.get(0)) {
            case LOGIN -> context.connector().execute(this::connectAndLogin);
            case STAT -> send(Pop3Step.STAT, Pop3Commands.stat(), reply -> {
                if (reply.isOk()) {
                    oracle.onStat("STAT", reply);
                }
                pauseThen(this::takeNextStep);
            });
            case LIST -> send(Pop3Step.LIST, Pop3Commands.list(), reply -> {
                if (reply.isOk()) {
                    oracle.onList("LIST", reply);
                }
                pauseThen(this::takeNextStep);
            });
            case UIDL -> send(Pop3Step.UIDL, Pop3Commands.uidl(), reply -> {
                if (reply.isOk()) {
                    listing = oracle.onUidl("UIDL", reply);
                    // what this computer remembers beyond what is still there is of no more use
                    downloaded.keySet().retainAll(listing.values());
                }
                pauseThen(this::takeNextStep);
            });
            case RETR -> retrieve(new ArrayDeque<>(toRetrieve()));
            case DELE -> delete(new ArrayDeque<>(toDelete()));
            case QUIT -> quit();
            case DROP -> drop();
        }
    }

    private boolean applicable(Pop3Step step) {
        if (session == null) {
            return step == Pop3Step.LOGIN;
        }
        return switch (step) {
            case LOGIN -> false;
            case RETR -> listing != null && !toRetrieve().isEmpty();
            case DELE -> listing != null && !toDelete().isEmpty();
            default -> true;
        };
    }

    /** What is new to this user, and any message listed under a unique-id that a QUIT removed before this session. */
    private List<Integer> toRetrieve() {
        List<Integer> numbers = new ArrayList<>();
        listing.forEach((number, uid) -> {
            if (!downloaded.containsKey(uid) || oracle.listedAfterRemoval(uid)) {
                numbers.add(number);
            }
        });
        numbers.sort(null);
        return numbers;
    }

    /** The listed messages this user has downloaded and not yet marked. */
    private List<Integer> toDelete() {
        List<Integer> numbers = new ArrayList<>();
        listing.forEach((number, uid) -> {
            if (downloaded.containsKey(uid) && !oracle.isMarked(number)) {
                numbers.add(number);
            }
        });
        numbers.sort(null);
        return numbers;
    }

    // ---- connecting ------------------------------------------------------------------------

    /** On the connector pool: connect and wait for the greeting (bounded), then USER and PASS from the event loop. */
    private void connectAndLogin() {
        if (context.over()) {
            finish();
            return;
        }
        Transcript transcript = new Transcript(name, new CredentialRedactor());
        transcript.setEnabled(false);
        long t0 = lifetime.connectTimedFrom();
        Pop3Session opened;
        try {
            opened = Pop3Session.connect(context.pop3().orElseThrow(), context.tls(), transcript, context.timeout());
        } catch (RuntimeException e) {
            lifetime.error(context.stats().kind(Pop3Step.LOGIN.kind()), "connect: " + UserLifetime.errorKind(e));
            retryLater();
            return;
        }
        context.stats().kind(LoadStats.CONNECT).completed(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0), false);
        context.stats().sessionOpened();
        session = opened;
        listing = null;
        if (!opened.greeting().isOk()) {
            lifetime.error(context.stats().kind(Pop3Step.LOGIN.kind()), "greeting not +OK");
            disconnect(true);
            retryLater();
            return;
        }
        transcript.redactor().addCredentials(account.user(), account.password());
        opened.eventLoop().execute(this::login);
    }

    /** USER, then PASS: timed together as LOGIN, from USER to PASS's answer. */
    private void login() {
        long startNanos = System.nanoTime();
        exchange(Pop3Step.LOGIN, Pop3Commands.user(account.user()), startNanos, false, user -> {
            if (!user.isOk()) {
                refusedLogin(user);
                return;
            }
            exchange(Pop3Step.LOGIN, Pop3Commands.pass(account.password()), startNanos, true, pass -> {
                if (!pass.isOk()) {
                    refusedLogin(pass);
                    return;
                }
                oracle.loggedIn(startNanos);
                pauseThen(this::takeNextStep);
            });
        });
    }

    /** A PASS answered {@code -ERR [IN-USE]} was counted as refused: the maildrop is locked, an answer, not an error. */
    private void refusedLogin(Pop3Response reply) {
        if (reply.responseCode().map(code -> code.equalsIgnoreCase("IN-USE")).orElse(false)) {
            lifetime.failedWithoutError();
        } else {
            lifetime.error(context.stats().kind(Pop3Step.LOGIN.kind()), "LOGIN refused");
        }
        disconnect(false);
        retryLater();
    }

    // ---- the steps -------------------------------------------------------------------------

    private void retrieve(Deque<Integer> numbers) {
        if (numbers.isEmpty() || context.over()) {
            pauseThen(this::takeNextStep);
            return;
        }
        int number = numbers.removeFirst();
        String shown = "RETR " + number;
        send(Pop3Step.RETR, Pop3Commands.retr(number), reply -> {
            if (reply.isOk()) {
                oracle.onRetr(shown, number, reply);
                downloaded.put(listing.get(number), oracle.appendId(number).orElse(null));
            }
            retrieve(numbers);
        });
    }

    private void delete(Deque<Integer> numbers) {
        if (numbers.isEmpty() || context.over()) {
            pauseThen(this::takeNextStep);
            return;
        }
        int number = numbers.removeFirst();
        oracle.deleSending(number);
        send(Pop3Step.DELE, Pop3Commands.dele(number), reply -> {
            if (reply.isOk()) {
                oracle.marked(number);
            }
            delete(numbers);
        });
    }

    private void quit() {
        send(Pop3Step.QUIT, Pop3Commands.quit(), reply -> {
            if (reply.isOk()) {
                oracle.quitOk(downloaded, System.nanoTime());
            }
            disconnect(false);
            sessionEnded();
        });
    }

    /** Ends the connection without QUIT: a reset, so the server cannot mistake it for one. Counted, with no latency. */
    private void drop() {
        oracle.dropped(System.nanoTime());
        context.stats().kind(Pop3Step.DROP.kind()).completed(0, false);
        disconnect(true);
        sessionEnded();
    }

    /**
     * After QUIT or DROP: the closed model's user pauses and logs in again; an open-model session is
     * done, wherever in its cycle it quit or dropped (a lap begun again would be a second session).
     */
    private void sessionEnded() {
        if (lifetime.openModel()) {
            sessionDone();
        } else {
            pauseThen(this::takeNextStep);
        }
    }

    /** Sends one command of {@code step}, timed from now as one of its kind. */
    private void send(Pop3Step step, Pop3Command command, Consumer<Pop3Response> then) {
        exchange(step, command, System.nanoTime(), true, then);
    }

    /**
     * Sends {@code command}, bounded by the timeout (a task on the session's own event loop, cancelled
     * by the answer), and continues there: an error drops the connection and retries later; an
     * answer is counted ({@code counted}: a step's last command; its time from {@code startNanos})
     * and handed to {@code then}.
     */
    private void exchange(Pop3Step step, Pop3Command command, long startNanos, boolean counted,
                          Consumer<Pop3Response> then) {
        Pop3Session sending = session;
        ScheduledExecutorService loop = sending.eventLoop();
        CompletableFuture<Pop3Reply> sent = sending.sendAsync(command);
        ScheduledFuture<?> bound = loop.schedule(
                () -> sent.completeExceptionally(new TimeoutException("no answer within " + context.timeout())),
                context.timeout().toNanos(), TimeUnit.NANOSECONDS);
        sent.whenComplete((reply, error) -> {
            bound.cancel(false);
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startNanos);
            UserPacing.onLoop(loop, () -> answered(sending, step, micros, counted, reply, error, then));
        });
    }

    private void answered(Pop3Session sending, Pop3Step step, long micros, boolean counted, Pop3Reply reply,
                          Throwable error, Consumer<Pop3Response> then) {
        if (sending != session) {
            return; // the connection was ended meanwhile (the run's end): nothing more to judge
        }
        CommandStats stats = context.stats().kind(step.kind());
        if (error != null || reply instanceof Pop3Malformed) {
            failed(stats, error != null ? UserLifetime.errorKind(error) : "malformed reply");
            return;
        }
        Pop3Response response = (Pop3Response) reply;
        if (counted) {
            stats.completed(micros, response.isErr());
        }
        try {
            then.accept(response);
        } catch (Pop3ParseException e) {
            failed(stats, "malformed reply");
        }
    }

    private void failed(CommandStats stats, String what) {
        lifetime.error(stats, what);
        disconnect(true);
        retryLater();
    }

    // ---- pacing and ending -----------------------------------------------------------------

    private void pauseThen(Runnable next) {
        pacing.pauseThen(session == null ? null : session.eventLoop(), next);
    }

    private void retryLater() {
        lifetime.retryOrEnd(this::takeNextStep, () -> disconnect(false));
    }

    private void disconnect(boolean abort) {
        if (session == null) {
            return;
        }
        Pop3Session closing = session;
        session = null;
        listing = null;
        planner.restart();
        context.stats().sessionClosed();
        if (abort) {
            closing.abort();
        } else {
            context.connector().execute(closing::close);
        }
    }

    private void finish() {
        lifetime.finish(() -> disconnect(false)); // without QUIT: nothing this session marked is removed
    }

    private void sessionDone() {
        lifetime.sessionDone(() -> disconnect(false));
    }
}
