package io.maildrill.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.faults.ResponseRewritingProxy;
import io.maildrill.faults.ResponseRewritingProxy.Defect;
import io.maildrill.net.Endpoint;
import io.maildrill.net.TlsSettings;
import io.maildrill.target.Account;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The assertions the load tests make on any server: a clean run, and each planted defect caught. */
final class LoadChecks {

    private LoadChecks() {
    }

    /** The imaptest profile, 4 clients, for {@code run}: no violation, no error, every kind, intervals each second. */
    static LoadStats assertCleanRun(Endpoint imap, TlsSettings tls, List<Account> accounts, Duration run) {
        List<Integer> intervals = new ArrayList<>();
        LoadRun.Outcome outcome = run(imap, tls, accounts, run, (from, to, kinds, sessions, violations) ->
                intervals.add(sessions));

        LoadStats stats = outcome.stats();
        assertThat(outcome.stoppedInTime()).isTrue();
        assertThat(stats.violations().total()).as(firstViolations(stats)).isZero();
        assertThat(stats.errors()).as("errors: %s", errors(stats)).isZero();
        assertThat(stats.kinds()).extracting(CommandStats::kind)
                .contains("LOGIN", "SELECT", "FETCH", "FETCH2", "EXPUNGE", "APPEND", "LOGOUT");
        assertThat(stats.kind("FETCH").completed()).isPositive();
        assertThat(stats.kind("FETCH").totalLatencies().getTotalCount()).isEqualTo(stats.kind("FETCH").completed());
        assertThat(stats.activeSessions()).as("every session closed at the end").isZero();
        assertThat(intervals).as("an interval a second, and a last one").hasSizeGreaterThanOrEqualTo((int) run.toSeconds());
        return stats;
    }

    /** Through the proxy: violations of (only) the rules the defect breaks, each naming session, command and bytes. */
    static void assertCaught(Endpoint upstream, TlsSettings tls, List<Account> accounts, Duration run, Defect defect,
                             OracleRule... rules) throws Exception {
        try (ResponseRewritingProxy proxy = new ResponseRewritingProxy(upstream, defect)) {
            LoadStats stats = run(proxy.endpoint(), tls, accounts, run, (from, to, kinds, sessions, violations) -> { }).stats();

            assertThat(proxy.rewritten()).as("the run met the defect").isPositive();
            long caught = 0;
            for (OracleRule rule : OracleRule.values()) {
                if (List.of(rules).contains(rule)) {
                    caught += stats.violations().count(rule);
                } else {
                    assertThat(stats.violations().count(rule)).as(rule + ": " + stats.violations().kept(rule)).isZero();
                }
            }
            assertThat(caught).as(defect + " caught").isPositive();
            Violation first = List.of(rules).stream().flatMap(r -> stats.violations().kept(r).stream()).findFirst().orElseThrow();
            assertThat(first.session()).matches("[^/]+/[1-4]");
            assertThat(first.command()).isNotBlank().doesNotContain("LOGIN");
            assertThat(first.response()).startsWith("*");
            assertThat(first.toString()).contains(first.rule().catalogId(), first.rule().section(), "expected");
        }
    }

    private static LoadRun.Outcome run(Endpoint imap, TlsSettings tls, List<Account> accounts, Duration run,
                                       LoadListener listener) {
        return run(imap, tls, accounts, run, "imaptest", 4, listener);
    }

    static LoadRun.Outcome run(Endpoint imap, TlsSettings tls, List<Account> accounts, Duration run, String profile,
                               int clients, LoadListener listener) {
        LoadOptions options = new LoadOptions(imap, tls, accounts, LoadProfiles.load(profile), clients, run, Duration.ZERO,
                Duration.ofSeconds(10), 7, LoadOptions.Shard.WHOLE);
        return new LoadRun(options, listener, Clock.systemUTC()).run();
    }

    /**
     * A profile like the bundled pop3, an IMAP sender and a POP3 downloader on each account: mail was
     * appended, downloaded and deleted, sessions both quit and dropped (every POP3 step the profile
     * has was taken), and nothing failed nor broke a rule but the rules {@code tolerated} (a server's
     * known defects, each named where the test says why).
     */
    static LoadStats assertPop3Run(Endpoint imap, Endpoint pop3, TlsSettings tls, List<Account> accounts, Duration run,
                                   LoadProfile profile, OracleRule... tolerated) {
        LoadOptions options = new LoadOptions(imap, tls, accounts, profile, 2 * accounts.size(), run,
                Duration.ZERO, Duration.ofSeconds(10), 7, LoadOptions.Shard.WHOLE, 0, Optional.of(pop3));
        LoadRun.Outcome outcome = new LoadRun(options, (from, to, kinds, sessions, violations) -> { }, Clock.systemUTC()).run();

        LoadStats stats = outcome.stats();
        assertThat(outcome.stoppedInTime()).isTrue();
        for (OracleRule rule : OracleRule.values()) {
            if (!List.of(tolerated).contains(rule)) {
                assertThat(stats.violations().count(rule)).as(firstViolations(stats)).isZero();
            }
        }
        assertThat(stats.errors()).as("errors: %s", errors(stats)).isZero();
        assertThat(stats.kind("APPEND").completed()).as("the sender appended").isPositive();
        profile.personas().stream().filter(p -> p.protocol() == LoadProfile.Protocol.POP3)
                .flatMap(p -> p.steps().stream()).filter(s -> s.percent() > 0)
                .forEach(s -> assertThat(stats.kind(s.command().kind()).completed()).as(s.command().kind()).isPositive());
        assertThat(stats.activeSessions()).as("every session closed at the end").isZero();
        return stats;
    }

    /** The idle profile: idlers are pushed what the changers do, the oracle checks each push, nothing breaks a rule. */
    static LoadStats assertIdlersArePushedAndChecked(Endpoint imap, TlsSettings tls, List<Account> accounts, Duration run,
                                                     int clients) {
        LoadStats stats = run(imap, tls, accounts, run, "idle", clients, (from, to, kinds, sessions, violations) -> { })
                .stats();
        assertThat(stats.violations().total()).as(firstViolations(stats)).isZero();
        assertThat(stats.errors()).as("errors: %s", errors(stats)).isZero();
        assertThat(stats.kind("APPEND").completed()).as("the changers appended").isPositive();
        assertThat(stats.pushedExists()).as("EXISTS pushed to idle sessions").isPositive();
        assertThat(stats.kind("IDLE").completed()).as("every idler left IDLE with DONE and an OK")
                .isGreaterThanOrEqualTo(clients - clients / 50 - 1);
        assertThat(stats.activeSessions()).as("every session closed at the end").isZero();
        return stats;
    }

    private static String errors(LoadStats stats) {
        StringBuilder out = new StringBuilder();
        stats.kinds().forEach(k -> k.errors().forEach((what, n) -> out.append(k.kind()).append(' ').append(what)
                .append(" ×").append(n).append("; ")));
        return out.toString();
    }

    private static String firstViolations(LoadStats stats) {
        StringBuilder out = new StringBuilder();
        for (OracleRule rule : OracleRule.values()) {
            stats.violations().kept(rule).stream().limit(2).forEach(v -> out.append(v).append('\n'));
        }
        return out.toString();
    }
}
