package io.maildrill.load;

import io.maildrill.net.Endpoint;
import io.maildrill.net.TlsSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every simulated user of one run shares: where the server is, the bounds, the statistics,
 * the corpus APPEND draws from, and the two small thread pools that do what an event loop must
 * not (connecting, which waits for the greeting) or cannot yet (a pause before there is a connection).
 *
 * @param endpoint     the IMAP endpoint
 * @param tls          how its certificate is checked
 * @param timeout      bound on every server wait (connect, greeting, each command)
 * @param endNanos     {@link System#nanoTime()} at which users stop
 * @param stats        the run's statistics and violations
 * @param messages     what APPEND sends: corpus messages, generated once
 * @param connector    runs connects (a few threads, whatever the number of users)
 * @param timer        schedules the pauses of users without a connection
 * @param clock        stamps violations
 * @param pop3         the POP3 endpoint, when a persona is POP3
 * @param runId        tells this run's APPENDs from every other run's ({@link ImapStepCommands})
 */
record LoadContext(Endpoint endpoint, TlsSettings tls, Duration timeout, long endNanos, LoadStats stats, List<byte[]> messages,
                   ExecutorService connector, ScheduledExecutorService timer, Clock clock, Optional<Endpoint> pop3,
                   String runId) {

    boolean over() {
        return System.nanoTime() - endNanos >= 0;
    }
}
