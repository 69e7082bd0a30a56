package io.maildrill.script.ast;

/** What the responses of an {@link Statement.Expect} group belong to, resolved by the parser. */
public sealed interface ExpectTarget {
    /** The command sent at {@code sendLine} (a {@link Statement.Send}, {@link Statement.IdleStart}). */
    record Command(int sendLine) implements ExpectTarget {}

    /** Responses pushed while the session idles since the {@link Statement.IdleStart} at {@code idleLine}. */
    record Idle(int idleLine) implements ExpectTarget {}

    /** The connection itself: greeting or server close. */
    record Connection() implements ExpectTarget {}
}
