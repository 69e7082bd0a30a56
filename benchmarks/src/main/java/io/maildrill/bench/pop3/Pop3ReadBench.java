package io.maildrill.bench.pop3;

import io.maildrill.bench.support.IntegritySampler;
import io.maildrill.bench.support.Sessions;
import io.maildrill.bench.support.Traffic;
import io.maildrill.pop3.Pop3Commands;
import io.maildrill.pop3.Pop3Listings;
import io.maildrill.pop3.Pop3Reply;
import io.maildrill.pop3.Pop3Response;
import io.maildrill.pop3.Pop3Session;
import io.maildrill.pop3.StatResult;
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
 * Read-only POP3 workloads with the maildrill client on a provisioned INBOX, one connection per
 * JMH thread (the connection never sends DELE, so the maildrop is unchanged). Method names are the
 * workload names shared with {@code io.maildrill.bench.jakarta.JakartaPop3Bench}.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Pop3ReadBench {

    @Param("maildrill")
    public String client;

    /** One logged-in session per thread. */
    @State(Scope.Thread)
    public static class Connection {
        Pop3Session session;
        IntegritySampler sampler;

        @Setup(Level.Trial)
        public void open(Pop3Mailbox box) {
            session = Sessions.pop3(box.server, box.server.readerAccount());
            sampler = new IntegritySampler(box.corpus);
        }

        @TearDown(Level.Trial)
        public void close() {
            try {
                session.quit();
            } catch (RuntimeException ignored) {
                // closing next anyway
            }
            Sessions.quietly(session);
        }
    }

    /** Connect, USER/PASS, STAT, QUIT: what a client polling for new mail pays each time. */
    @Benchmark
    public StatResult pop3LoginStat(Pop3Mailbox box, Traffic traffic) {
        try (Pop3Session session = Sessions.pop3(box.server, box.server.readerAccount())) {
            Pop3Reply reply = session.stat();
            StatResult stat = Pop3Listings.stat(reply);
            if (stat.count() != box.mailboxSize) {
                throw new IllegalStateException("STAT: " + stat.count() + " messages (expected " + box.mailboxSize + ")");
            }
            session.quit();
            traffic.add(0, ((Pop3Response) reply).rawLength());
            return stat;
        }
    }

    @Benchmark
    public int pop3List(Pop3Mailbox box, Connection c, Traffic traffic) {
        Pop3Reply reply = c.session.list();
        return listing(reply, Pop3Listings.sizes(reply).size(), box, traffic);
    }

    @Benchmark
    public int pop3Uidl(Pop3Mailbox box, Connection c, Traffic traffic) {
        Pop3Reply reply = c.session.uidl();
        return listing(reply, Pop3Listings.uids(reply).size(), box, traffic);
    }

    /** {@code TOP n 0} for every message; sampled headers must equal the corpus. */
    @Benchmark
    public long pop3TopAll(Pop3Mailbox box, Connection c, Traffic traffic) {
        long[] octets = new long[1];
        Pop3Batches.run(c.session, box.mailboxSize, m -> Pop3Commands.top(m, 0), traffic, (m, r) -> {
            if (c.sampler.sampleNext()) {
                c.sampler.checkHeader(r.content());
            }
            octets[0] += r.contentLength();
        });
        return octets[0];
    }

    /** {@code RETR} of every message; sampled messages must pass their integrity check. */
    @Benchmark
    public long pop3RetrAll(Pop3Mailbox box, Connection c, Traffic traffic) {
        long[] octets = new long[1];
        Pop3Batches.run(c.session, box.mailboxSize, Pop3Commands::retr, traffic, (m, r) -> {
            if (c.sampler.sampleNext()) {
                c.sampler.checkMessage(r.content());
            }
            octets[0] += r.contentLength();
        });
        return octets[0];
    }

    private static int listing(Pop3Reply reply, int entries, Pop3Mailbox box, Traffic traffic) {
        if (entries != box.mailboxSize) {
            throw new IllegalStateException("listing has " + entries + " entries (expected " + box.mailboxSize + ")");
        }
        traffic.add(entries, ((Pop3Response) reply).rawLength());
        return entries;
    }
}
