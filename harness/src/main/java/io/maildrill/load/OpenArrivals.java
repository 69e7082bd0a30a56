package io.maildrill.load;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open model: session {@code k} is meant to start at {@code k / rate} seconds, whatever the
 * server's latency, until the run's duration is up; this shard starts the arrivals whose number
 * modulo the shard count is its index. Each arrival walks its persona's cycle once and is timed
 * from its intended start ({@link LoadStats#SESSION}), so a server that falls behind shows as
 * latency instead of as a lower rate. The sessions open at once are bounded by {@code --clients}:
 * an arrival that finds that many open is not started and counts as an error of SESSION.
 */
final class OpenArrivals {

    private final LoadContext context;
    private final LoadOptions options;
    private final UserDealer dealer;
    private final long periodNanos;
    private final long firstNanos;
    private final AtomicInteger open = new AtomicInteger();
    /** One for the arrivals themselves, released when the last was started; one per session open. */
    private final AtomicInteger pending = new AtomicInteger(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    OpenArrivals(LoadContext context, LoadOptions options, UserDealer dealer) {
        this.context = context;
        this.options = options;
        this.dealer = dealer;
        this.periodNanos = Math.max(1, Math.round(1e9 / options.arrivalsPerSecond()));
        this.firstNanos = System.nanoTime();
    }

    /** Counted down when no more arrivals are due and every session started has finished. */
    CountDownLatch finished() {
        return finished;
    }

    void start() {
        schedule(0);
    }

    private void schedule(long k) {
        long at = firstNanos + k * periodNanos;
        if (at - context.endNanos() >= 0) {
            release(); // the arrivals are over; the sessions still open finish by themselves
            return;
        }
        context.timer().schedule(() -> arrive(k, at), Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void arrive(long k, long intendedNanos) {
        if (options.shard().owns((int) (k % Integer.MAX_VALUE))) {
            if (open.get() >= options.clients()) {
                context.stats().kind(LoadStats.SESSION).failed("arrival over --clients (sessions open at once)");
            } else {
                open.incrementAndGet();
                pending.incrementAndGet();
                dealer.user((int) (k % Integer.MAX_VALUE), intendedNanos, this::sessionFinished).start(0);
            }
        }
        schedule(k + 1);
    }

    private void sessionFinished() {
        open.decrementAndGet();
        release();
    }

    private void release() {
        if (pending.decrementAndGet() == 0) {
            finished.countDown();
        }
    }
}
