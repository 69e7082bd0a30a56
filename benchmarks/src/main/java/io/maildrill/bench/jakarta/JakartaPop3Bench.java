package io.maildrill.bench.jakarta;

import io.maildrill.bench.pop3.Pop3Mailbox;
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
import org.eclipse.angus.mail.pop3.POP3Folder;
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
 * The Jakarta Mail (Angus) baseline for {@code Pop3ReadBench}, same method names, same INBOX. A
 * POP3 store connects per folder open, so every operation connects, logs in and QUITs; that is
 * what {@code pop3LoginStat} measures on its own and what the other listings pay once each.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JakartaPop3Bench {

    @Param("jakarta")
    public String client;

    @Benchmark
    public int pop3LoginStat(Pop3Mailbox box, Traffic traffic) throws MessagingException {
        return JakartaFailures.explained(() -> {
            Store store = JakartaStores.pop3(box.server, box.server.readerAccount());
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                int count = inbox.getMessageCount();
                inbox.close(false);
                requireCount(count, box);
                traffic.add(0, 0);
                return count;
            } finally {
                store.close();
            }
        });
    }

    /** LIST through {@link POP3Folder#getSizes()}: Message.getSize() would load every message's headers. */
    @Benchmark
    public long pop3List(Pop3Mailbox box, Traffic traffic) throws MessagingException {
        return JakartaFailures.explained(() -> {
            Store store = JakartaStores.pop3(box.server, box.server.readerAccount());
            try {
                POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    int[] sizes = inbox.getSizes();
                    requireCount(sizes.length, box);
                    traffic.add(sizes.length, 0);
                    return sizes.length;
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        });
    }

    @Benchmark
    public long pop3Uidl(Pop3Mailbox box, Traffic traffic) throws MessagingException {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        return withInbox(box, traffic, profile, m -> ((POP3Folder) m.getFolder()).getUID(m).length());
    }

    /** Headers of every message: Jakarta Mail loads them with TOP n 0 when the server offers TOP (else with RETR). */
    @Benchmark
    public long pop3TopAll(Pop3Mailbox box, Traffic traffic) throws MessagingException {
        return withInbox(box, traffic, null, m -> {
            long octets = 0;
            for (Enumeration<String> lines = ((MimeMessage) m).getAllHeaderLines(); lines.hasMoreElements(); ) {
                octets += lines.nextElement().length() + 2;
            }
            return octets;
        });
    }

    @Benchmark
    public long pop3RetrAll(Pop3Mailbox box, Traffic traffic) throws MessagingException {
        IntegritySampler sampler = new IntegritySampler(box.corpus);
        return withInbox(box, traffic, null, m -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                m.writeTo(out);
            } catch (IOException e) {
                throw new MessagingException("RETR failed", e);
            }
            byte[] bytes = out.toByteArray();
            if (sampler.sampleNext()) {
                sampler.checkMessage(bytes);
            }
            return bytes.length;
        });
    }

    interface PerMessage {
        long apply(Message message) throws MessagingException;
    }

    private static long withInbox(Pop3Mailbox box, Traffic traffic, FetchProfile profile, PerMessage each)
            throws MessagingException {
        return JakartaFailures.explained(() -> {
            Store store = JakartaStores.pop3(box.server, box.server.readerAccount());
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    Message[] messages = inbox.getMessages();
                    requireCount(messages.length, box);
                    if (profile != null) {
                        inbox.fetch(messages, profile);
                    }
                    long octets = 0;
                    for (Message m : messages) {
                        octets += each.apply(m);
                    }
                    traffic.add(messages.length, octets);
                    return octets;
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        });
    }

    private static void requireCount(int count, Pop3Mailbox box) {
        if (count != box.mailboxSize) {
            throw new IllegalStateException("INBOX has " + count + " messages (expected " + box.mailboxSize + ")");
        }
    }
}
