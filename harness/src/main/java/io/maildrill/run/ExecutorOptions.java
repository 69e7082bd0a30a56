package io.maildrill.run;

import java.time.Duration;
import java.util.Objects;

/**
 * Wait bounds for {@link ScriptExecutor}.
 *
 * @param defaultTimeout bound for each group wait, continuation and close when the script sets no
 *                       {@code @timeout} or {@code within} (10s by default)
 * @param connectTimeout bound for connect, greeting, login and selection, and for each setup command
 * @param longChecks     run {@code @long} scripts (autologout timers, many minutes each); skipped otherwise
 */
public record ExecutorOptions(Duration defaultTimeout, Duration connectTimeout, boolean longChecks) {

    public ExecutorOptions(Duration defaultTimeout, Duration connectTimeout) {
        this(defaultTimeout, connectTimeout, false);
    }

    public ExecutorOptions {
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (defaultTimeout.isNegative() || defaultTimeout.isZero() || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: " + defaultTimeout + ", " + connectTimeout);
        }
    }

    /** 10s for group waits, 10s for connect/greeting/login/selection. */
    public static ExecutorOptions defaults() {
        return new ExecutorOptions(Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    /** Both bounds multiplied by {@code factor} (slow servers, loaded CI machines). */
    public ExecutorOptions scaled(double factor) {
        return new ExecutorOptions(Duration.ofMillis((long) (defaultTimeout.toMillis() * factor)),
                Duration.ofMillis((long) (connectTimeout.toMillis() * factor)), longChecks);
    }

    /** The same bounds, with {@code @long} scripts run too. */
    public ExecutorOptions withLongChecks() {
        return new ExecutorOptions(defaultTimeout, connectTimeout, true);
    }
}
