package io.maildrill.bench.pop3;

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

/** The reader account's INBOX holding {@code mailboxSize} corpus messages, provisioned once and reused. */
@State(Scope.Benchmark)
public class Pop3Mailbox {

    @Param("embedded")
    public String target;
    @Param("1000")
    public int mailboxSize;
    @Param("tiny")
    public String profile;

    public BenchServer server;
    public Corpus corpus;

    @Setup(Level.Trial)
    public void provision() {
        server = BenchTargets.resolve(target);
        Fixture fixture = Fixture.of(mailboxSize, profile);
        corpus = fixture.corpus();
        MailboxFixtures.ensurePop3Inbox(server, fixture);
    }
}
