package io.maildrill.bench.imap;

import io.maildrill.bench.support.Traffic;
import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.SelectResult;
import io.maildrill.imap.Str;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Read-only IMAP workloads with the maildrill client, on a provisioned mailbox, one connection per
 * JMH thread. Method names are the workload names; {@code io.maildrill.bench.jakarta.JakartaImapBench}
 * uses the same names for the Jakarta Mail baseline.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImapReadBench {

    @Param("maildrill")
    public String client;

    /** SELECT of the whole mailbox (read-write open; counts the server's per-open work). */
    @Benchmark
    public SelectResult imapSelect(ImapMailbox box, ImapReaderConnection c, Traffic traffic) {
        return requireExists(c.session.select(box.mailbox), box, traffic);
    }

    @Benchmark
    public SelectResult imapExamine(ImapMailbox box, ImapReaderConnection c, Traffic traffic) {
        return requireExists(c.session.examine(box.mailbox), box, traffic);
    }

    /** {@code UID FETCH 1:* (UID FLAGS)}: what a client resynchronising flags sends. One command, streamed. */
    @Benchmark
    public long imapUidFlags(ImapMailbox box, ImapReaderConnection c, Traffic traffic) {
        long[] n = new long[2];
        ImapCompletion done = c.session.fetchStream("UID FETCH 1:* (UID FLAGS)", f -> {
            n[1] += f.generic().wireLength();
            if (f.uid().isPresent()) { // without UID: an unsolicited flag update (RFC 3501 §7.4.2), not an answer
                n[0]++;
            }
        });
        if (!done.ok() || n[0] != box.mailboxSize) {
            throw new IllegalStateException("UID FETCH 1:*: " + n[0] + " responses (expected " + box.mailboxSize + ")");
        }
        traffic.add(n[0], n[1] + done.wireLength());
        return n[0];
    }

    /** Headers-only listing: ENVELOPE of every message. */
    @Benchmark
    public long imapEnvelope(ImapMailbox box, ImapReaderConnection c, Traffic traffic) {
        long[] n = new long[1];
        FetchPass.run(c.session, box.mailboxSize, "(UID ENVELOPE)", f -> f.envelope().isPresent(), traffic, f -> n[0]++);
        return n[0];
    }

    /** Headers-only listing: the three fields a message list shows. */
    @Benchmark
    public long imapHeaderFields(ImapMailbox box, ImapReaderConnection c, Traffic traffic) {
        long[] n = new long[1];
        FetchPass.run(c.session, box.mailboxSize, "(UID BODY.PEEK[HEADER.FIELDS (From Subject Date)])",
                f -> headerFields(f).isPresent(), traffic, f -> n[0] += headerFields(f).orElseThrow().size());
        return n[0];
    }

    /** Headers-only listing: the whole header block; sampled headers must equal the corpus octet for octet. */
    @Benchmark
    public long imapHeaders(ImapMailbox box, ImapReaderConnection c, Traffic traffic) {
        long[] n = new long[1];
        FetchPass.run(c.session, box.mailboxSize, "(UID BODY.PEEK[HEADER])", f -> f.body("HEADER").isPresent(), traffic, f -> {
            Str header = f.body("HEADER").orElseThrow();
            if (c.sampler.sampleNext()) {
                c.sampler.checkHeader(header.bytes());
            }
            n[0] += header.size();
        });
        return n[0];
    }

    /** The three fields, whichever case the server echoes the field names in. */
    private static java.util.Optional<Str> headerFields(ImapResponse.Fetch f) {
        return f.body("HEADER.FIELDS (FROM SUBJECT DATE)").or(() -> f.body("HEADER.FIELDS (From Subject Date)"));
    }

    /** Full body fetch of every message; sampled messages must pass their integrity check. */
    @Benchmark
    public long imapBodies(ImapMailbox box, ImapReaderConnection c, Traffic traffic) {
        long[] n = new long[1];
        FetchPass.run(c.session, box.mailboxSize, "(UID BODY.PEEK[])", f -> f.body("").isPresent(), traffic, f -> {
            Str body = f.body("").orElseThrow();
            if (c.sampler.sampleNext()) {
                c.sampler.checkMessage(body.bytes());
            }
            n[0] += body.size();
        });
        return n[0];
    }

    /** UID SEARCH that makes the server read a header of every message (about a tenth match). */
    @Benchmark
    public long imapUidSearch(ImapMailbox box, ImapReaderConnection c, Traffic traffic) {
        ImapCompletion done = c.session.execute("UID SEARCH HEADER X-Maildrill-Index \"7\"");
        if (!done.ok()) {
            throw new IllegalStateException("UID SEARCH failed: " + done.tagged().text());
        }
        long hits = done.untaggedStream(ImapResponse.Search.class).mapToLong(s -> s.numbers().size()).sum();
        if (hits == 0 && box.mailboxSize >= 10) {
            throw new IllegalStateException("UID SEARCH found nothing: the mailbox is not the corpus");
        }
        traffic.add(box.mailboxSize, done.wireLength());
        return hits;
    }

    private static SelectResult requireExists(SelectResult result, ImapMailbox box, Traffic traffic) {
        if (!result.ok() || result.exists().orElse(-1) != box.mailboxSize) {
            throw new IllegalStateException("SELECT/EXAMINE " + box.mailbox + ": " + result.exists() + " messages (expected "
                    + box.mailboxSize + ")");
        }
        traffic.add(0, result.completion().wireLength());
        return result;
    }
}
