package io.maildrill.load;

import io.maildrill.corpus.Corpus;
import io.maildrill.corpus.CorpusMessage;
import io.maildrill.corpus.CorpusSpec;
import io.maildrill.corpus.ShapeMix;
import io.maildrill.corpus.SizeProfile;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a load: in the closed model, {@code clients} users (this shard's share of them), each walking
 * its persona's cycle for the run's duration, their starts spread over the ramp-up; in the open
 * model, sessions arriving at a rate ({@link OpenArrivals}). {@link UserDealer} makes the users of
 * both. Sessions live on
 * Netty's event loops; three small pools do the rest (connects, pauses of unconnected users, and
 * the clock that takes an interval every second). The run ends by itself: at the duration, each
 * user stops after its command in flight, which the timeout bounds.
 */
public final class LoadRun {

    /** Connects run here; a handful is plenty, since a loopback connect and greeting take milliseconds. */
    private static final int CONNECTOR_THREADS = 4;
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    /** Messages APPEND chooses from: 2-4 KB, like the mbox imaptest was measured with (docs/load.md). */
    private static final int CORPUS_SIZE = 200;

    private final LoadOptions options;
    private final LoadListener listener;
    private final Clock clock;
    private final Optional<Instant> startAt;

    public LoadRun(LoadOptions options, LoadListener listener, Clock clock) {
        this(options, listener, clock, Optional.empty());
    }

    private LoadRun(LoadOptions options, LoadListener listener, Clock clock, Optional<Instant> startAt) {
        this.options = options;
        this.listener = listener;
        this.clock = clock;
        this.startAt = startAt;
    }

    /**
     * This run, beginning its users at {@code at} rather than at once: shards started a little apart
     * begin together. The caller bounds how far ahead {@code at} may be; the wait comes after the
     * run's preparations, so it is the users' start that is aligned, not the process's.
     */
    public LoadRun startingAt(Instant at) {
        return new LoadRun(options, listener, clock, Optional.of(at));
    }

    /** What a finished run measured. */
    public record Outcome(Instant start, Instant end, int users, LoadStats stats, boolean stoppedInTime) {
        public Duration elapsed() {
            return Duration.between(start, end);
        }
    }

    public Outcome run() {
        LoadStats stats = new LoadStats(new Violations());
        ExecutorService connector = Executors.newFixedThreadPool(CONNECTOR_THREADS, daemon("maildrill-load-connect"));
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, daemon("maildrill-load-timer"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("maildrill-load-clock"));
        List<byte[]> messages = Corpus.of(new CorpusSpec(options.seed(), CORPUS_SIZE, SizeProfile.between(2_000, 4_000),
                ShapeMix.mixed())).stream().map(CorpusMessage::bytes).toList();
        startAt.ifPresent(this::sleepUntil);
        Instant start = clock.instant();
        long endNanos = System.nanoTime() + options.duration().toNanos();
        LoadContext context = new LoadContext(options.endpoint(), options.tls(), options.timeout(), endNanos, stats, messages,
                connector, timer, clock, options.pop3(), Long.toHexString(new SecureRandom().nextLong()));
        UserDealer dealer = new UserDealer(context, options);
        IntervalClock intervals = new IntervalClock(stats, listener, start, clock);
        ticker.scheduleAtFixedRate(intervals::tick, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        int users;
        CountDownLatch finished;
        if (options.openModel()) {
            OpenArrivals arrivals = new OpenArrivals(context, options, dealer);
            arrivals.start();
            finished = arrivals.finished();
            users = -1;
        } else {
            List<Integer> mine = sharedOut();
            finished = new CountDownLatch(mine.size());
            long stagger = mine.isEmpty() ? 0 : options.rampUp().toNanos() / mine.size();
            for (int n = 0; n < mine.size(); n++) {
                dealer.user(mine.get(n), -1, finished::countDown).start(n * stagger);
            }
            users = mine.size();
        }
        boolean inTime;
        try {
            // each user stops after its command in flight: the timeout bounds that, and a connect too
            long bound = options.duration().plus(options.timeout().multipliedBy(2)).plusSeconds(5).toMillis();
            inTime = finished.await(bound, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inTime = false;
        }
        if (users < 0) {
            users = dealer.dealt();
        }
        ticker.shutdownNow();
        timer.shutdownNow();
        connector.shutdown();
        awaitQuietly(ticker);
        intervals.tick();
        try {
            connector.awaitTermination(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connector.shutdownNow();
        return new Outcome(start, clock.instant(), users, stats, inTime);
    }

    /** The numbers of this shard's users. */
    private List<Integer> sharedOut() {
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            if (options.shard().owns(i)) {
                mine.add(i);
            }
        }
        return mine;
    }

    private void sleepUntil(Instant at) {
        Duration left = Duration.between(clock.instant(), at);
        if (!left.isNegative() && !left.isZero()) {
            try {
                // a millisecond more: sleep truncates, and the users must not begin before the instant
                Thread.sleep(left.toMillis() + 1);
            } catch (InterruptedException e) {
                // the run starts now: an interrupted wait must not become a run that never starts
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Takes an interval from every kind, on the clock thread (and once more at the end). */
    private static final class IntervalClock {
        private final LoadStats stats;
        private final LoadListener listener;
        private final Clock clock;
        private Instant intervalStart;

        IntervalClock(LoadStats stats, LoadListener listener, Instant start, Clock clock) {
            this.stats = stats;
            this.listener = listener;
            this.clock = clock;
            this.intervalStart = start;
        }

        synchronized void tick() {
            Instant now = clock.instant();
            List<CommandStats.Interval> kinds = new ArrayList<>();
            for (CommandStats kind : stats.kinds()) {
                kinds.add(kind.takeInterval());
            }
            listener.interval(intervalStart, now, kinds, stats.activeSessions(), stats.violations().total());
            intervalStart = now;
        }
    }
}
