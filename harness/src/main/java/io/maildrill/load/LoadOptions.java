package io.maildrill.load;

import io.maildrill.net.Endpoint;
import io.maildrill.net.TlsSettings;
import io.maildrill.target.Account;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One load run's settings.
 *
 * @param endpoint the IMAP endpoint
 * @param tls      how its certificate is checked
 * @param accounts the accounts users log in as, user {@code i} as account {@code i mod size}
 * @param profile  who the users are
 * @param clients  users in the whole run (all shards together)
 * @param duration how long users keep going
 * @param rampUp   over how long their starts are spread (zero: all at once)
 * @param timeout  bound on every server wait
 * @param seed     makes every user's dice the same run after run
 * @param shard    which share of the users this process drives
 * @param arrivalsPerSecond 0 for the closed model; otherwise the open model: new sessions start at
 *                 this rate whatever the server's latency, each walks its persona's cycle once,
 *                 and {@code clients} bounds how many are open at once
 * @param pop3     the POP3 endpoint of the same server, which a profile with a POP3 persona needs
 *                 (the accounts and {@code tls} are the same)
 */
public record LoadOptions(Endpoint endpoint, TlsSettings tls, List<Account> accounts, LoadProfile profile, int clients,
                          Duration duration, Duration rampUp, Duration timeout, long seed, Shard shard,
                          double arrivalsPerSecond, Optional<Endpoint> pop3) {

    /** No POP3 endpoint: the profile's personas are all IMAP. */
    public LoadOptions(Endpoint endpoint, TlsSettings tls, List<Account> accounts, LoadProfile profile, int clients,
                       Duration duration, Duration rampUp, Duration timeout, long seed, Shard shard,
                       double arrivalsPerSecond) {
        this(endpoint, tls, accounts, profile, clients, duration, rampUp, timeout, seed, shard, arrivalsPerSecond,
                Optional.empty());
    }

    /** The closed model. */
    public LoadOptions(Endpoint endpoint, TlsSettings tls, List<Account> accounts, LoadProfile profile, int clients,
                       Duration duration, Duration rampUp, Duration timeout, long seed, Shard shard) {
        this(endpoint, tls, accounts, profile, clients, duration, rampUp, timeout, seed, shard, 0);
    }

    public LoadOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(tls, "tls");
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(rampUp, "rampUp");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(pop3, "pop3");
        if (profile.uses(LoadProfile.Protocol.POP3) && pop3.isEmpty()) {
            throw new IllegalArgumentException("profile " + profile.name() + " has a POP3 persona: the run needs a POP3 endpoint");
        }
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("a load run needs at least one account");
        }
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be at least 1");
        }
        if (!(arrivalsPerSecond >= 0) || Double.isInfinite(arrivalsPerSecond)) {
            throw new IllegalArgumentException("arrivals per second must be 0 (closed model) or more");
        }
    }

    public boolean openModel() {
        return arrivalsPerSecond > 0;
    }

    /**
     * An account that users of two different shards would log in as, if any. The oracle models a
     * mailbox from the sessions of one process, so a mailbox changed by another shard's sessions
     * would look like a server losing or inventing messages: shards must not share accounts.
     */
    public Optional<String> accountInTwoShards() {
        Map<Integer, Integer> shardOfAccount = new HashMap<>();
        // the open model numbers its arrivals without end; accounts and shards repeat every A * N of them
        int users = openModel() ? accounts.size() * shard.count() : clients;
        for (int user = 0; user < users; user++) {
            int account = user % accounts.size();
            Integer owner = shardOfAccount.putIfAbsent(account, user % shard.count());
            if (owner != null && owner != user % shard.count()) {
                return Optional.of(accounts.get(account).user());
            }
        }
        return Optional.empty();
    }

    /**
     * Shard {@code index} of {@code count} drives the users whose number modulo {@code count} is
     * {@code index}: a deterministic share, the same whichever machine runs it.
     */
    public record Shard(int index, int count) {
        public static final Shard WHOLE = new Shard(0, 1);

        public Shard {
            if (count < 1 || index < 0 || index >= count) {
                throw new IllegalArgumentException("shard index must be 0.." + (count - 1) + " of " + count);
            }
        }

        boolean owns(int user) {
            return user % count == index;
        }

        @Override
        public String toString() {
            return index + "/" + count;
        }
    }
}
