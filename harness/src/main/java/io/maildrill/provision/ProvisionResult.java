package io.maildrill.provision;

import java.time.Duration;

/** What a provisioning run did: how many messages, how many octets, how long it took. */
public record ProvisionResult(long messages, long octets, Duration elapsed, String method) {

    public double messagesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : messages / seconds;
    }

    public double megabytesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : octets / seconds / 1e6;
    }

    public String summary() {
        return String.format(java.util.Locale.ROOT, "%d messages (%.1f MB) in %.2f s via %s: %.0f messages/s, %.1f MB/s",
                messages, octets / 1e6, elapsed.toNanos() / 1e9, method, messagesPerSecond(), megabytesPerSecond());
    }
}
