package io.maildrill.load;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How a virtual user, IMAP or POP3, waits between its commands: the persona's pause after each
 * plan, on the session's own event loop while connected (so the next command goes out from
 * there), on the run's timer otherwise; and after an error at least {@value #RETRY_PAUSE_MILLIS}
 * ms before a new connection, so a failing server is not hammered in a spin.
 */
final class UserPacing {

    static final long RETRY_PAUSE_MILLIS = 100;

    private final LoadContext context;
    private final long thinkNanos;

    UserPacing(LoadContext context, Duration think) {
        this.context = context;
        this.thinkNanos = think.toNanos();
    }

    /** The persona's pause, then {@code next}: on {@code loop}, the session's, or with none (not connected) on the timer. */
    void pauseThen(ScheduledExecutorService loop, Runnable next) {
        if (loop != null) {
            if (thinkNanos == 0) {
                loop.execute(next);
            } else {
                loop.schedule(next, thinkNanos, TimeUnit.NANOSECONDS);
            }
        } else if (thinkNanos == 0) {
            next.run(); // LOGIN comes next, and it goes to the connector pool at once
        } else {
            context.timer().schedule(next, thinkNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** After an error: {@code next} (a new connection) after the pause, and at least {@value #RETRY_PAUSE_MILLIS} ms. */
    void retryLater(Runnable next) {
        context.timer().schedule(next, Math.max(thinkNanos, TimeUnit.MILLISECONDS.toNanos(RETRY_PAUSE_MILLIS)),
                TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} on {@code loop}: at once when already there, else as a task of it. */
    static void onLoop(ScheduledExecutorService loop, Runnable task) {
        if (((io.netty.util.concurrent.EventExecutor) loop).inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }
}
