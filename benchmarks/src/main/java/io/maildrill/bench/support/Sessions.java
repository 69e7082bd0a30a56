package io.maildrill.bench.support;

import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapSession;
import io.maildrill.imap.SelectResult;
import io.maildrill.pop3.Pop3Reply;
import io.maildrill.pop3.Pop3Session;
import io.maildrill.target.Account;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.Transcript;

/**
 * Logged-in sessions for benchmarks, with transcript recording off: a benchmark moves bulk
 * traffic, and copying every octet into a transcript would measure the recorder, not the client.
 */
public final class Sessions {

    private Sessions() {
    }

    public static Transcript silentTranscript(String name) {
        Transcript transcript = new Transcript(name, new CredentialRedactor());
        transcript.setEnabled(false);
        return transcript;
    }

    public static ImapSession imap(BenchServer server, Account account) {
        ImapSession session = ImapSession.connect(server.target().requireImap(), server.target().tls(),
                silentTranscript("bench-imap"), BenchServer.TIMEOUT);
        ImapCompletion login = session.login(account.user(), account.password());
        if (!login.ok()) {
            session.close();
            throw new IllegalStateException("IMAP login as " + account.user() + " refused: " + login.tagged().text());
        }
        return session;
    }

    /** An IMAP session with {@code mailbox} selected (read-only when {@code examine}). */
    public static ImapSession imapIn(BenchServer server, Account account, String mailbox, boolean examine) {
        ImapSession session = imap(server, account);
        SelectResult selected = examine ? session.examine(mailbox) : session.select(mailbox);
        if (!selected.ok()) {
            session.close();
            throw new IllegalStateException("cannot open " + mailbox + ": " + selected.completion().tagged().text());
        }
        return session;
    }

    public static Pop3Session pop3(BenchServer server, Account account) {
        Pop3Session session = Pop3Session.connect(server.target().requirePop3(), server.target().tls(),
                silentTranscript("bench-pop3"), BenchServer.TIMEOUT);
        Pop3Reply login = session.login(account.user(), account.password());
        if (!login.isOk()) {
            session.close();
            throw new IllegalStateException("POP3 login as " + account.user() + " refused: " + login.describe());
        }
        return session;
    }

    /** Ends a session politely, ignoring a server that already went away. */
    public static void quietly(AutoCloseable session) {
        try {
            session.close();
        } catch (Exception ignored) {
            // closing is best effort at the end of a trial
        }
    }
}
