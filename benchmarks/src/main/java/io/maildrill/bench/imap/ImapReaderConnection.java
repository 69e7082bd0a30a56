package io.maildrill.bench.imap;

import io.maildrill.bench.support.IntegritySampler;
import io.maildrill.bench.support.Sessions;
import io.maildrill.imap.ImapSession;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** One logged-in IMAP connection per benchmark thread, with the fixture mailbox examined (read-only). */
@State(Scope.Thread)
public class ImapReaderConnection {

    public ImapSession session;
    public IntegritySampler sampler;

    @Setup(Level.Trial)
    public void open(ImapMailbox fixture) {
        session = Sessions.imapIn(fixture.server, fixture.server.readerAccount(), fixture.mailbox, true);
        sampler = new IntegritySampler(fixture.corpus);
    }

    @TearDown(Level.Trial)
    public void close() {
        Sessions.quietly(session);
    }
}
