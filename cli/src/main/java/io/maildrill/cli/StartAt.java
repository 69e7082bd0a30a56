package io.maildrill.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * {@code load --start-at ISO_INSTANT}: the instant shards started a little apart begin together,
 * bounded both ways so that a typo neither hangs a job nor lets a shard run long after the others.
 */
final class StartAt {

    /** How far ahead it may be: a scheduler starts shards seconds apart, not hours (a typo must not hang a CI job). */
    static final Duration MAX_AHEAD = Duration.ofMinutes(10);
    /** How late a shard may still begin: later, it would miss the others' first seconds and skew the merged report. */
    static final Duration MAX_LATE = Duration.ofSeconds(5);

    private StartAt() {
    }

    /** The instant, refused (exit 2) when more than {@link #MAX_AHEAD} ahead of {@code now} or {@link #MAX_LATE} behind it. */
    static Instant parse(String text, Instant now) {
        Instant at;
        try {
            at = Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UserError("--start-at: expected an ISO-8601 instant in UTC such as 2026-12-04T19:00:00Z, not \""
                    + text + "\"");
        }
        if (at.isAfter(now.plus(MAX_AHEAD))) {
            throw new UserError("--start-at " + at + " is " + Duration.between(now, at).toSeconds() + "s ahead; at most "
                    + MAX_AHEAD.toMinutes() + "m ahead is allowed");
        }
        if (at.isBefore(now.minus(MAX_LATE))) {
            throw new UserError("--start-at " + at + " passed " + Duration.between(at, now).toSeconds() + "s ago; a shard"
                    + " may begin at most " + MAX_LATE.toSeconds() + "s late (the others would have run without it)");
        }
        return at;
    }

    /** Says how long this shard will wait (LoadRun waits, after its preparations) and returns {@code at}. */
    static Instant announce(Instant at, PrintWriter out, Clock clock) {
        long millis = Duration.between(clock.instant(), at).toMillis();
        if (millis > 0) {
            out.printf(Locale.ROOT, "load: waiting %.1f s for --start-at %s%n", millis / 1000.0, at);
        } else {
            out.printf("load: --start-at %s was %d ms ago; starting now%n", at, -millis);
        }
        out.flush();
        return at;
    }
}
