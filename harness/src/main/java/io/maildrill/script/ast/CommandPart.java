package io.maildrill.script.ast;

/** A piece of a command line ({@code A> ...}); the runner concatenates the parts, then adds CRLF. */
public sealed interface CommandPart {
    /** Text sent as written. */
    record Text(String text) implements CommandPart {}

    /** {@code $name}: the captured or set value's text (strings without quotes). */
    record Variable(String name) implements CommandPart {}

    /** {@code #3} / {@code #3.uid}: fixture message 3's current sequence number or UID in this session. */
    record MessageRef(int fixtureIndex, Pattern.RefKind kind) implements CommandPart {}

    /**
     * {@code {"escaped octets"}} ({@code {"..."+}} for LITERAL+): an IMAP literal. The runner sends
     * {@code {n}} CRLF, waits (bounded) for a continuation request unless non-synchronizing, then the octets.
     */
    record Literal(ByteString octets, boolean nonSynchronizing) implements CommandPart {}

    /**
     * {@code {mailbox(moved)}}: a scratch mailbox of the script, sent as the quoted name
     * {@code maildrill-moved} inside the server's personal namespace (its NAMESPACE prefix, e.g.
     * {@code INBOX.} on Courier), so one script runs on servers whose mailboxes live under INBOX.
     */
    record ScratchMailbox(String name) implements CommandPart {}

    /** {@code {$x}} / {@code {$x+}}: a literal holding a variable's octets (e.g. a {@code repeat(...)}). */
    record VariableLiteral(String name, boolean nonSynchronizing) implements CommandPart {}

    /** {@code {fixture.message(3)}}: a literal holding the corpus bytes of fixture message 3. */
    record FixtureLiteral(int fixtureIndex, boolean nonSynchronizing) implements CommandPart {}
}
