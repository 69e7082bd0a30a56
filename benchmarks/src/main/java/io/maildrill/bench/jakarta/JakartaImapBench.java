package io.maildrill.bench.jakarta;

import io.maildrill.bench.imap.ImapMailbox;
import io.maildrill.bench.support.IntegritySampler;
import io.maildrill.bench.support.Traffic;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Enumeration;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
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
 * The Jakarta Mail (Angus) baseline for the IMAP workloads of {@code ImapReadBench}, same method
 * names, same fixture. Jakarta Mail caches what it fetched in its message objects, so every
 * operation opens the folder afresh (one EXAMINE more than the maildrill path, negligible next to
 * a whole-mailbox fetch) and fetches with a {@link FetchProfile}, as a mail client lists a folder.
 * {@code messages} counts messages; Jakarta Mail exposes no wire byte count, so {@code bytes} is
 * the octets of the data the workload asked for.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JakartaImapBench {

    @Param("jakarta")
    public String client;

    /** One connected store per thread. */
    @State(Scope.Thread)
    public static class Connection {
        Store store;
        IntegritySampler sampler;

        @Setup(Level.Trial)
        public void open(ImapMailbox box) throws MessagingException {
            store = JakartaStores.imap(box.server, box.server.readerAccount());
            sampler = new IntegritySampler(box.corpus);
        }

        @TearDown(Level.Trial)
        public void close() throws MessagingException {
            store.close();
        }
    }

    @Benchmark
    public int imapExamine(ImapMailbox box, Connection c, Traffic traffic) throws MessagingException {
        return JakartaFailures.explained(() -> {
            Folder folder = open(box, c);
            int count = folder.getMessageCount();
            folder.close(false);
            traffic.add(0, 0);
            return count;
        });
    }

    @Benchmark
    public long imapUidFlags(ImapMailbox box, Connection c, Traffic traffic) throws MessagingException {
        return list(box, c, traffic, profile(UIDFolder.FetchProfileItem.UID, FetchProfile.Item.FLAGS), m -> {
            m.getFlags();
            return 0;
        });
    }

    @Benchmark
    public long imapEnvelope(ImapMailbox box, Connection c, Traffic traffic) throws MessagingException {
        return list(box, c, traffic, profile(UIDFolder.FetchProfileItem.UID, FetchProfile.Item.ENVELOPE), m -> {
            String subject = m.getSubject();
            return subject == null ? 0 : subject.length();
        });
    }

    @Benchmark
    public long imapHeaderFields(ImapMailbox box, Connection c, Traffic traffic) throws MessagingException {
        FetchProfile profile = profile(UIDFolder.FetchProfileItem.UID);
        profile.add("From");
        profile.add("Subject");
        profile.add("Date");
        return list(box, c, traffic, profile, m -> {
            String[] subject = m.getHeader("Subject");
            return subject == null ? 0 : subject[0].length();
        });
    }

    @Benchmark
    public long imapHeaders(ImapMailbox box, Connection c, Traffic traffic) throws MessagingException {
        return list(box, c, traffic, profile(UIDFolder.FetchProfileItem.UID, IMAPFolder.FetchProfileItem.HEADERS), m -> {
            long octets = 0;
            for (Enumeration<String> lines = ((MimeMessage) m).getAllHeaderLines(); lines.hasMoreElements(); ) {
                octets += lines.nextElement().length() + 2;
            }
            return octets;
        });
    }

    /**
     * Whole messages: prefetched with {@link IMAPFolder.FetchProfileItem#MESSAGE} in batches of
     * {@value #BODY_BATCH} (one FETCH per batch, as the maildrill path), then read with writeTo.
     * Without the prefetch Jakarta Mail fetches each message on its own, a round trip per message.
     */
    @Benchmark
    public long imapBodies(ImapMailbox box, Connection c, Traffic traffic) throws MessagingException {
        return JakartaFailures.explained(() -> {
            Folder folder = open(box, c);
            try {
                Message[] messages = folder.getMessages();
                if (messages.length != box.mailboxSize) {
                    throw new IllegalStateException(messages.length + " messages (expected " + box.mailboxSize + ")");
                }
                FetchProfile profile = profile(UIDFolder.FetchProfileItem.UID, IMAPFolder.FetchProfileItem.MESSAGE);
                long octets = 0;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int from = 0; from < messages.length; from += BODY_BATCH) {
                    Message[] batch = java.util.Arrays.copyOfRange(messages, from, Math.min(messages.length, from + BODY_BATCH));
                    folder.fetch(batch, profile);
                    for (Message m : batch) {
                        out.reset();
                        try {
                            m.writeTo(out);
                        } catch (IOException e) {
                            throw new MessagingException("writeTo failed", e);
                        }
                        byte[] bytes = out.toByteArray();
                        if (c.sampler.sampleNext()) {
                            c.sampler.checkMessage(bytes);
                        }
                        octets += bytes.length;
                    }
                }
                traffic.add(messages.length, octets);
                return octets;
            } finally {
                folder.close(false);
            }
        });
    }

    static final int BODY_BATCH = 1000;

    interface PerMessage {
        long apply(Message message) throws MessagingException;
    }

    private static long list(ImapMailbox box, Connection c, Traffic traffic, FetchProfile profile, PerMessage each)
            throws MessagingException {
        return JakartaFailures.explained(() -> listOnce(box, c, traffic, profile, each));
    }

    private static long listOnce(ImapMailbox box, Connection c, Traffic traffic, FetchProfile profile, PerMessage each)
            throws MessagingException {
        Folder folder = open(box, c);
        try {
            Message[] messages = folder.getMessages();
            folder.fetch(messages, profile);
            long octets = 0;
            for (Message m : messages) {
                octets += each.apply(m);
            }
            if (messages.length != box.mailboxSize) {
                throw new IllegalStateException(messages.length + " messages (expected " + box.mailboxSize + ")");
            }
            traffic.add(messages.length, octets);
            return octets;
        } finally {
            folder.close(false);
        }
    }

    private static Folder open(ImapMailbox box, Connection c) throws MessagingException {
        Folder folder = c.store.getFolder(box.mailbox);
        folder.open(Folder.READ_ONLY);
        return folder;
    }

    private static FetchProfile profile(FetchProfile.Item... items) {
        FetchProfile profile = new FetchProfile();
        for (FetchProfile.Item item : items) {
            profile.add(item);
        }
        return profile;
    }

}
