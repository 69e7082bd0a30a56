package io.maildrill.bench.scenario;

import io.maildrill.bench.support.BenchServer;
import io.maildrill.bench.support.Fixture;
import io.maildrill.bench.support.IntegritySampler;
import io.maildrill.bench.support.MailboxFixtures;
import io.maildrill.bench.support.Sessions;
import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapSession;
import io.maildrill.imap.SelectResult;
import io.maildrill.pop3.Pop3Commands;
import io.maildrill.pop3.Pop3Reply;
import io.maildrill.pop3.Pop3Response;
import io.maildrill.pop3.Pop3Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Check mail from a second computer": the same INBOX read the POP3 way (UIDL, then RETR of
 * everything) and the IMAP way (the message list's header fields first, then one body on demand).
 * Counts the octets the server sent as the client decoded them (POP3 {@code rawLength}, IMAP
 * {@code wireLength}; greetings and login excluded, commands sent by the client not counted) and the
 * wall time, best of {@value #RUNS} runs. Integrity: sampled POP3 messages and the one IMAP body are verified.
 */
public final class SecondComputer {

    static final int RUNS = 3;
    static final int HEADER_BATCH = 1000;

    /** One mailbox size's figures. */
    public record Row(int size, long pop3Bytes, double pop3Millis, long imapBytes, double imapMillis) {
    }

    private SecondComputer() {
    }

    public static Row measure(BenchServer server, Fixture fixture) {
        MailboxFixtures.ensurePop3Inbox(server, fixture);
        IntegritySampler sampler = new IntegritySampler(fixture.corpus());
        long pop3Bytes = 0;
        long imapBytes = 0;
        double pop3Best = Double.MAX_VALUE;
        double imapBest = Double.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            pop3Bytes = pop3(server, fixture.size(), sampler);
            long t1 = System.nanoTime();
            imapBytes = imap(server, fixture.size(), sampler);
            long t2 = System.nanoTime();
            pop3Best = Math.min(pop3Best, (t1 - t0) / 1e6);
            imapBest = Math.min(imapBest, (t2 - t1) / 1e6);
        }
        return new Row(fixture.size(), pop3Bytes, pop3Best, imapBytes, imapBest);
    }

    static long pop3(BenchServer server, int size, IntegritySampler sampler) {
        try (Pop3Session session = Sessions.pop3(server, server.readerAccount())) {
            long octets = raw(session.uidl());
            for (int from = 1; from <= size; from += 50) {
                List<io.maildrill.pop3.Pop3Command> batch = new ArrayList<>();
                for (int m = from; m < Math.min(size + 1, from + 50); m++) {
                    batch.add(Pop3Commands.retr(m));
                }
                for (Pop3Reply reply : session.pipeline(batch)) {
                    octets += raw(reply);
                    if (sampler.sampleNext()) {
                        sampler.checkMessage(((Pop3Response) reply).content());
                    }
                }
            }
            octets += raw(session.quit());
            return octets;
        }
    }

    static long imap(BenchServer server, int size, IntegritySampler sampler) {
        try (ImapSession session = Sessions.imap(server, server.readerAccount())) {
            SelectResult inbox = session.examine("INBOX");
            long octets = inbox.completion().wireLength();
            long[] streamed = new long[1];
            for (int from = 1; from <= size; from += HEADER_BATCH) {
                int to = Math.min(size, from + HEADER_BATCH - 1);
                ImapCompletion done = session.fetchStream("FETCH " + from + ":" + to
                        + " (UID FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS (From Subject Date)])",
                        f -> streamed[0] += f.generic().wireLength());
                octets += done.wireLength();
            }
            byte[][] body = new byte[1][];
            ImapCompletion one = session.fetchStream("FETCH " + size + " (BODY[])", f -> {
                streamed[0] += f.generic().wireLength();
                body[0] = f.body("").orElseThrow().bytes();
            });
            sampler.checkMessage(body[0]);
            octets += one.wireLength() + streamed[0] + session.logout().wireLength();
            return octets;
        }
    }

    private static long raw(Pop3Reply reply) {
        if (!(reply instanceof Pop3Response r) || !r.isOk()) {
            throw new IllegalStateException("POP3: " + reply.describe());
        }
        return r.rawLength();
    }

    /** Markdown table of the rows. */
    public static String table(List<Row> rows) {
        StringBuilder md = new StringBuilder("### Check mail from a second computer: POP3 download-all vs IMAP headers + one body\n\n"
                + "| messages | POP3 bytes | POP3 ms | IMAP bytes | IMAP ms | POP3/IMAP bytes | POP3/IMAP time |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %,d | %,d | %,.0f | %,d | %,.0f | %.1f× | %.1f× |%n", r.size(), r.pop3Bytes(),
                    r.pop3Millis(), r.imapBytes(), r.imapMillis(), (double) r.pop3Bytes() / r.imapBytes(),
                    r.pop3Millis() / r.imapMillis()));
        }
        return md.toString();
    }
}
