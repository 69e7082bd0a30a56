package io.maildrill.bench.imap;

import io.maildrill.bench.support.MailboxFixtures;
import io.maildrill.bench.support.Sessions;
import io.maildrill.bench.support.Traffic;
import io.maildrill.corpus.Corpus;
import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.ImapSession;
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
 * IMAP workloads that change a mailbox. STORE toggles {@code \Flagged} on a window of the shared
 * fixture (every other call takes it off again, so the fixture's content stays the corpus); APPEND
 * adds tiny corpus messages to a per-thread scratch mailbox that is deleted at the end of the trial.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImapWriteBench {

    /** Messages one STORE command changes. */
    static final int STORE_WINDOW = 100;
    private static final AtomicInteger THREADS = new AtomicInteger();

    @Param("maildrill")
    public String client;

    /** A read-write connection on the fixture, plus a scratch mailbox for APPEND. */
    @State(Scope.Thread)
    public static class Writer {
        ImapSession session;
        String scratch;
        List<byte[]> messages;
        int next;
        int storeFrom;
        boolean flag = true;

        @Setup(Level.Trial)
        public void open(ImapMailbox box) {
            session = Sessions.imapIn(box.server, box.server.readerAccount(), box.mailbox, false);
            scratch = box.server.mailbox("bench-append-" + ProcessHandle.current().pid() + "-" + THREADS.incrementAndGet());
            Corpus corpus = io.maildrill.bench.support.Fixture.of(64, "tiny").corpus();
            messages = corpus.stream().map(m -> m.bytes()).toList();
            session.execute("CREATE \"" + scratch + "\"");
        }

        @TearDown(Level.Trial)
        public void close(ImapMailbox box) {
            Sessions.quietly(session);
            MailboxFixtures.dropMailbox(box.server, box.server.readerAccount(), scratch);
        }
    }

    /** {@code STORE a:b +FLAGS (\Flagged)}, then {@code -FLAGS} on the next call; each answered with FETCH responses. */
    @Benchmark
    public long imapStore(ImapMailbox box, Writer w, Traffic traffic) {
        int from = 1 + w.storeFrom;
        int to = Math.min(box.mailboxSize, from + STORE_WINDOW - 1);
        ImapCompletion done = w.session.execute("STORE " + from + ":" + to + (w.flag ? " +" : " -") + "FLAGS (\\Flagged)");
        if (!done.ok()) {
            throw new IllegalStateException("STORE failed: " + done.tagged().text());
        }
        if (!w.flag) {
            w.storeFrom = (w.storeFrom + STORE_WINDOW) % box.mailboxSize;
        }
        w.flag = !w.flag;
        long fetches = done.untaggedStream(ImapResponse.Fetch.class).count();
        traffic.add(to - from + 1, done.wireLength());
        return fetches;
    }

    /** One APPEND of a small message (1–4 kB) into the thread's scratch mailbox. */
    @Benchmark
    public ImapCompletion imapAppend(Writer w, Traffic traffic) {
        byte[] message = w.messages.get(w.next++ % w.messages.size());
        ImapCompletion done = w.session.execute(io.maildrill.imap.ImapCommand.builder("APPEND").arg(w.scratch)
                .literal(message).build());
        if (!done.ok()) {
            throw new IllegalStateException("APPEND failed: " + done.tagged().text());
        }
        traffic.add(1, message.length + done.wireLength());
        return done;
    }
}
