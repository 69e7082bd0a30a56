package io.maildrill.script.ast;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One executable step of a script; the runner executes statements in file order. */
public sealed interface Statement extends Located {

    /** A statement acting on one named session. */
    sealed interface OnSession extends Statement {
        String session();
    }

    /** {@code A: connect}: open the connection now (otherwise done at first use) and run the declared login/select. */
    record Connect(int line, String session) implements OnSession {}

    /**
     * {@code A> NOOP} or {@code A/p1> FETCH 1 FLAGS}: send a command line. IMAP commands get the
     * automatic tag unless {@code tag} is given; POP3 commands are never tagged.
     */
    record Send(int line, String session, Optional<String> tag, List<CommandPart> parts) implements OnSession {
        public Send {
            parts = List.copyOf(parts);
        }
    }

    /**
     * {@code A+> $sasl_plain}: IMAP, the client's answer to a continuation request (a SASL response, or
     * {@code *} to cancel): the text with substitutions and CRLF, no tag. It belongs to the command whose
     * continuation group came before; that command's status is expected by a later group.
     */
    record Answer(int line, String session, List<CommandPart> parts) implements OnSession {
        public Answer {
            parts = List.copyOf(parts);
        }
    }

    /**
     * {@code A>> "a STARTTLS\r\nb NOOP\r\n"}: octets sent exactly, nothing added, no response awaited.
     * With a handle, {@code A/x1>> "x1 LOGIN {4000000000}\r\n"}, the octets hold one command whose response a
     * later {@code A/x1<} group expects: for IMAP the handle is the tag inside the octets, for POP3 it names the
     * next response.
     */
    record SendRaw(int line, String session, Optional<String> handle, ByteString bytes) implements OnSession {}

    /**
     * A group of consecutive {@code A< ...} lines evaluated together (see docs, "Expectation groups").
     * {@code line} is the first line of the group.
     */
    record Expect(int line, String session, ExpectTarget target, boolean ordered, boolean strict,
                  Optional<Duration> within, List<Expectation> expectations) implements OnSession {
        public Expect {
            expectations = List.copyOf(expectations);
        }

        public Optional<Expectation.Status> status() {
            return expectations.stream()
                    .filter(Expectation.Status.class::isInstance)
                    .map(Expectation.Status.class::cast)
                    .findFirst();
        }
    }

    /** {@code A: disconnect} (TCP FIN) or {@code A: abort} (TCP RST): drop the connection without QUIT/LOGOUT. */
    record Disconnect(int line, String session, boolean reset) implements OnSession {}

    /** {@code A: reconnect}: close any open connection (FIN), connect again, run the declared login/select. */
    record Reconnect(int line, String session) implements OnSession {}

    /** {@code A: starttls}: send STARTTLS (IMAP) / STLS (POP3), require OK / +OK, then the TLS handshake. */
    record StartTls(int line, String session) implements OnSession {}

    /**
     * {@code A: handshake}: only the TLS handshake, for scripts that sent STARTTLS/STLS themselves; it must
     * succeed. {@code A: handshake or closed} ({@code orClosed}): a handshake that fails or a connection the
     * server closes is accepted too (a server may feed injected cleartext into the handshake, S01); the session
     * has then ended and its later statements are skipped until {@code A: reconnect}.
     */
    record TlsHandshake(int line, String session, boolean orClosed) implements OnSession {}

    /**
     * {@code A: may close}: the RFC lets the server close the connection at this point (RFC 1939 §4:
     * after a failed PASS "the server may close the connection"). If the server has closed it, the
     * session has ended: the statement that meets the close and the session's later statements are
     * skipped until {@code A: reconnect}. If it stays open, the script goes on as written.
     */
    record MayClose(int line, String session) implements OnSession {}

    /** {@code A: login}: the standard login (IMAP LOGIN, POP3 USER/PASS) as the declared account; must succeed. */
    record Login(int line, String session) implements OnSession {}

    /** {@code A: select}: SELECT (or EXAMINE) as the session declaration says; must succeed. */
    record Select(int line, String session) implements OnSession {}

    /** {@code A: idle}: send IDLE with the automatic tag and wait for the continuation request. */
    record IdleStart(int line, String session) implements OnSession {}

    /** {@code A: done}: send DONE; the IDLE command's completion is expected by the next group. */
    record IdleDone(int line, String session) implements OnSession {}

    /** {@code sleep 500ms}: pause the script (bounded, at most 60 s). */
    record Sleep(int line, Duration duration) implements Statement {}

    /** {@code set $name = "text"} or {@code set $name = 42}. */
    record SetVariable(int line, String name, Operand value) implements Statement {}

    /**
     * {@code check LEFT op RIGHT [or LEFT op RIGHT ...]}, e.g. {@code check $hdr == fixture.header(2)}: holds
     * when any of its comparisons holds. {@code or} is for requirements the RFC words as alternatives
     * ("either keep the UIDs or assign a new UIDVALIDITY", RFC 3501 §2.3.1.1).
     */
    record Check(int line, List<Comparison.Of> anyOf) implements Statement {
        public Check {
            anyOf = List.copyOf(anyOf);
            if (anyOf.isEmpty()) {
                throw new IllegalArgumentException("a check needs at least one comparison");
            }
        }

        /** A check of one comparison. */
        public Check(int line, Operand left, Comparison comparison, Operand right) {
            this(line, List.of(new Comparison.Of(left, comparison, right)));
        }
    }

    /**
     * {@code converge A B}: each IMAP session's model (count, UIDs in order, flags) equals what a fresh
     * session of the same account and mailbox sees; runs a NOOP in each named session first.
     */
    record Converge(int line, List<String> sessions) implements Statement {
        public Converge {
            sessions = List.copyOf(sessions);
        }
    }
}
