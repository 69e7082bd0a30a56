package io.maildrill.bench.imap;

import io.maildrill.bench.support.BenchServer;
import io.maildrill.bench.support.BenchTargets;
import io.maildrill.bench.support.Fixture;
import io.maildrill.bench.support.MailboxFixtures;
import io.maildrill.corpus.Corpus;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The read-only IMAP fixture a trial measures: a mailbox of {@code mailboxSize} corpus messages of
 * the given size {@code profile}, provisioned once and reused by later trials (see {@link MailboxFixtures}).
 */
@State(Scope.Benchmark)
public class ImapMailbox {

    @Param("embedded")
    public String target;
    @Param("1000")
    public int mailboxSize;
    @Param("tiny")
    public String profile;

    public BenchServer server;
    public Corpus corpus;
    public String mailbox;

    @Setup(Level.Trial)
    public void provision() {
        server = BenchTargets.resolve(target);
        Fixture fixture = Fixture.of(mailboxSize, profile);
        corpus = fixture.corpus();
        mailbox = MailboxFixtures.ensureImapMailbox(server, fixture);
    }
}
