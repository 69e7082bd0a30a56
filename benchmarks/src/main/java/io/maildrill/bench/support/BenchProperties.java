package io.maildrill.bench.support;

/**
 * System properties through which {@code maildrill bench} tells forked benchmark JVMs what the
 * {@code target} parameter cannot carry. None holds a secret: passwords stay in the environment
 * variable named by {@link #PASSWORD_ENV}, which forks inherit.
 */
public final class BenchProperties {

    /** Comma-separated account names: the first reads fixtures, the second is drained by POP3. */
    public static final String USERS = "maildrill.bench.users";
    /** Name of the environment variable holding the accounts' password. */
    public static final String PASSWORD_ENV = "maildrill.bench.passwordEnv";
    /** "true" when the accounts may be emptied (required for POP3 fixtures and the drain). */
    public static final String TEST_ACCOUNTS = "maildrill.bench.testAccounts";
    /** A PEM file to trust for TLS targets. */
    public static final String TRUST = "maildrill.bench.trust";
    /** Seconds every wait for the server is bounded by ({@code bench --timeout}); default 60. */
    public static final String TIMEOUT_SECONDS = "maildrill.bench.timeoutSeconds";
    /** "true" to skip TLS certificate checks. */
    public static final String INSECURE = "maildrill.bench.insecure";

    private BenchProperties() {
    }
}
