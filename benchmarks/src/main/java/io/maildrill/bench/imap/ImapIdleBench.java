package io.maildrill.bench.imap;

import io.maildrill.bench.support.BenchServer;
import io.maildrill.bench.support.BenchTargets;
import io.maildrill.bench.support.Fixture;
import io.maildrill.bench.support.MailboxFixtures;
import io.maildrill.bench.support.Sessions;
import io.maildrill.imap.ImapCommand;
import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.ImapSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * IDLE notification latency: connection B changes the mailbox, connection A sits in IDLE; one
 * operation is from B's command being sent to A receiving the pushed response. Each thread has its
 * own pair and its own one-message mailbox, so threads do not see each other's changes.
 * {@code imapIdleStore}: B toggles {@code \Flagged}, A waits for the FETCH.
 * {@code imapIdleAppend}: B APPENDs, A waits for the EXISTS (the mailbox grows by one per operation,
 * bounded by the measurement time).
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImapIdleBench {

    /** How long A waits for the push: the run's bound on every wait. */
    private static final Duration PUSH_WAIT = BenchServer.TIMEOUT;
    private static final AtomicInteger THREADS = new AtomicInteger();

    @Param("embedded")
    public String target;
    @Param("maildrill")
    public String client;

    /** The IDLE-ing connection A and the changing connection B. */
    @State(Scope.Thread)
    public static class Pair {
        BenchServer server;
        ImapSession watcher;
        ImapSession actor;
        String mailbox;
        byte[] message;
        boolean flag = true;

        @Setup(Level.Trial)
        public void open(ImapIdleBench bench) {
            server = BenchTargets.resolve(bench.target);
            mailbox = server.mailbox("bench-idle-" + ProcessHandle.current().pid() + "-" + THREADS.incrementAndGet());
            message = Fixture.of(1, "tiny").corpus().message(0).bytes();
            actor = Sessions.imap(server, server.readerAccount());
            actor.execute(ImapCommand.builder("CREATE").arg(mailbox).build());
            actor.append(mailbox, List.of(), message);
            if (!actor.select(mailbox).ok()) {
                throw new IllegalStateException("cannot select " + mailbox);
            }
            watcher = Sessions.imapIn(server, server.readerAccount(), mailbox, false);
            watcher.idleStart();
        }

        @TearDown(Level.Trial)
        public void close() {
            try {
                watcher.idleDone();
            } catch (RuntimeException ignored) {
                // the connection is closed next anyway
            }
            Sessions.quietly(watcher);
            Sessions.quietly(actor);
            MailboxFixtures.dropMailbox(server, server.readerAccount(), mailbox);
        }
    }

    @Benchmark
    public List<ImapResponse> imapIdleStore(Pair p) {
        ImapCompletion done = p.actor.execute("STORE 1 " + (p.flag ? "+" : "-") + "FLAGS.SILENT (\\Flagged)");
        p.flag = !p.flag;
        if (!done.ok()) {
            throw new IllegalStateException("STORE failed: " + done.tagged().text());
        }
        return p.watcher.idleAwait(r -> r instanceof ImapResponse.Fetch, PUSH_WAIT);
    }

    @Benchmark
    public List<ImapResponse> imapIdleAppend(Pair p) {
        p.actor.append(p.mailbox, List.of(), p.message);
        return p.watcher.idleAwait(r -> r instanceof ImapResponse.Exists, PUSH_WAIT);
    }
}
