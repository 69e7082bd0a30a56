package io.maildrill.bench.pop3;

import io.maildrill.bench.support.BenchServer;
import io.maildrill.bench.support.BenchTargets;
import io.maildrill.bench.support.Fixture;
import io.maildrill.bench.support.IntegritySampler;
import io.maildrill.bench.support.MailboxFixtures;
import io.maildrill.bench.support.Sessions;
import io.maildrill.bench.support.Traffic;
import io.maildrill.pop3.Pop3Commands;
import io.maildrill.pop3.Pop3Reply;
import io.maildrill.pop3.Pop3Session;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The POP3 drain: RETR and DELE every message, then QUIT, whose UPDATE phase really removes them.
 * Every invocation destroys its mailbox, so the drain account's INBOX is refilled before each one
 * ({@link Level#Invocation} setup, not measured) with a smaller mailbox, {@code drainSize} messages
 * (default 1 000), not the read workloads' {@code mailboxSize}. Single-shot timing: JMH's advice
 * against invocation-level setup is about sub-millisecond methods, and a drain takes far longer.
 * {@code pop3Drain} times the whole drain; {@code pop3DrainUpdate} times only the QUIT (UPDATE
 * phase) after the RETR+DELE were sent during setup. Run with one thread: there is one drain account.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Pop3DrainBench {

    @Param("embedded")
    public String target;
    @Param("1000")
    public int drainSize;
    @Param("tiny")
    public String profile;
    @Param("maildrill")
    public String client;

    BenchServer server;
    Fixture fixture;
    IntegritySampler sampler;
    Pop3Session session;

    @Setup(Level.Trial)
    public void resolve() {
        server = BenchTargets.resolve(target);
        fixture = Fixture.of(drainSize, profile);
        sampler = new IntegritySampler(fixture.corpus());
    }

    /** Refills the drain INBOX and logs in; for the UPDATE-only benchmark also sends RETR+DELE for everything. */
    @State(Scope.Thread)
    public static class Prepared {
        @Setup(Level.Invocation)
        public void fill(Pop3DrainBench bench, org.openjdk.jmh.infra.BenchmarkParams params) {
            MailboxFixtures.fillInbox(bench.server, bench.server.drainAccount(), bench.fixture);
            bench.session = Sessions.pop3(bench.server, bench.server.drainAccount());
            if (params.getBenchmark().endsWith("pop3DrainUpdate")) {
                retrAndDele(bench, new Traffic());
            }
        }

        @TearDown(Level.Invocation)
        public void close(Pop3DrainBench bench) {
            Sessions.quietly(bench.session);
        }
    }

    @Benchmark
    public Pop3Reply pop3Drain(Prepared prepared, Traffic traffic) {
        retrAndDele(this, traffic);
        return quit();
    }

    @Benchmark
    public Pop3Reply pop3DrainUpdate(Prepared prepared) {
        return quit();
    }

    private Pop3Reply quit() {
        Pop3Reply reply = session.quit();
        if (!reply.isOk()) {
            throw new IllegalStateException("QUIT (UPDATE) failed: " + reply.describe());
        }
        return reply;
    }

    static void retrAndDele(Pop3DrainBench bench, Traffic traffic) {
        Pop3Batches.run(bench.session, bench.drainSize, Pop3Commands::retr, traffic, (m, r) -> {
            if (bench.sampler.sampleNext()) {
                bench.sampler.checkMessage(r.content());
            }
        });
        Pop3Batches.run(bench.session, bench.drainSize, Pop3Commands::dele, traffic, (m, r) -> { });
    }
}
