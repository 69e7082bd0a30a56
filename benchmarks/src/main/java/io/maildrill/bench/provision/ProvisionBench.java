package io.maildrill.bench.provision;

import io.maildrill.bench.support.BenchServer;
import io.maildrill.bench.support.BenchTargets;
import io.maildrill.bench.support.Fixture;
import io.maildrill.bench.support.MailboxFixtures;
import io.maildrill.provision.CorpusMessageSource;
import io.maildrill.provision.ImapAppendProvisioner;
import io.maildrill.provision.ProvisionProgress;
import io.maildrill.provision.ProvisionResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Provisioning over IMAP: one operation fills a fresh mailbox with {@code mailboxSize} corpus
 * messages through {@link ImapAppendProvisioner} over {@code connections} connections (always IMAP,
 * even on the embedded server, so the figure is the protocol path). The {@code messages} counter
 * is the provisioning rate in messages per second (aim on Dovecot, tiny profile: 5 000).
 * The mailbox is deleted before each operation (not measured) and at the end.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProvisionBench {

    private static final String MAILBOX = "bench-provision";

    @Param("embedded")
    public String target;
    @Param("10000")
    public int mailboxSize;
    @Param("tiny")
    public String profile;
    @Param({"2", "4", "8"})
    public int connections;

    BenchServer server;
    CorpusMessageSource source;

    /** Messages and octets stored, as rates over the measured time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Stored {
        public long messages;
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            messages = 0;
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void resolve() {
        server = BenchTargets.resolve(target);
        source = new CorpusMessageSource(Fixture.of(mailboxSize, profile).corpus());
    }

    @Setup(Level.Invocation)
    public void empty() {
        MailboxFixtures.dropMailbox(server, server.readerAccount(), MAILBOX);
    }

    @TearDown(Level.Trial)
    public void drop() {
        MailboxFixtures.dropMailbox(server, server.readerAccount(), MAILBOX);
    }

    @Benchmark
    public ProvisionResult provisionImapAppend(Stored stored) {
        ImapAppendProvisioner provisioner = new ImapAppendProvisioner(server.target().requireImap(), server.target().tls(),
                connections, BenchServer.TIMEOUT);
        ProvisionResult result = provisioner.fill(server.readerAccount(), MAILBOX, source, ProvisionProgress.NONE);
        stored.messages += result.messages();
        stored.bytes += result.octets();
        return result;
    }
}
