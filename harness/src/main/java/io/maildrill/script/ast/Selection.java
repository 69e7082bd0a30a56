package io.maildrill.script.ast;

/** What an IMAP session selects after its automatic login ({@code select=} in a session line). */
public sealed interface Selection {
    /** {@code select=auto} (IMAP default): SELECT the fixture mailbox. */
    record FixtureMailbox() implements Selection {}

    /** {@code select=none}: stay in authenticated state. Always the case for POP3. */
    record NoSelection() implements Selection {}

    /** {@code select=Name} or {@code select="Name with spaces"}: SELECT that mailbox. */
    record NamedMailbox(String name) implements Selection {}

    /** {@code examine=auto} / {@code examine=Name}: EXAMINE (read-only) instead of SELECT; an empty name means the fixture mailbox. */
    record Examine(String name) implements Selection {}
}
