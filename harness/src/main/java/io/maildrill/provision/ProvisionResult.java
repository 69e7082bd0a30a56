package io.maildrill.provision;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a provisioning run did: how many messages, how many octets, how long it took, and, for a
 * path that works in steps (maildir files, then the server's indexing), how long each step took.
 */
public record ProvisionResult(long messages, long octets, Duration elapsed, String method, List<Phase> phases) {

    /** One step of a run, e.g. "write" or "index (first SELECT)", over all of the run's messages. */
    public record Phase(String name, Duration elapsed) {
    }

    public ProvisionResult {
        phases = List.copyOf(phases);
    }

    public ProvisionResult(long messages, long octets, Duration elapsed, String method) {
        this(messages, octets, elapsed, method, List.of());
    }

    public double messagesPerSecond() {
        return rate(messages, elapsed);
    }

    public double megabytesPerSecond() {
        return rate(octets, elapsed) / 1e6;
    }

    /** Messages per second of one phase, as if it had been the whole run. */
    public double messagesPerSecond(Phase phase) {
        return rate(messages, phase.elapsed());
    }

    public String summary() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%d messages (%.1f MB) in %.2f s via %s: %.0f messages/s, %.1f MB/s",
                messages, octets / 1e6, elapsed.toNanos() / 1e9, method, messagesPerSecond(), megabytesPerSecond()));
        for (Phase phase : phases) {
            s.append(String.format(Locale.ROOT, "%n  %s: %.2f s, %.0f messages/s", phase.name(),
                    phase.elapsed().toNanos() / 1e9, messagesPerSecond(phase)));
        }
        return s.toString();
    }

    private static double rate(long amount, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : amount / seconds;
    }
}
