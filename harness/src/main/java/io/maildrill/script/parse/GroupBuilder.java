package io.maildrill.script.parse;

import io.maildrill.script.ast.ExpectTarget;
import io.maildrill.script.ast.Expectation;
import io.maildrill.script.ast.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An expectation group being assembled from consecutive {@code A< ...} lines. */
final class GroupBuilder {
    final String session;
    final Optional<String> tag;
    final int firstLine;
    ExpectTarget target;
    boolean ordered;
    boolean strict;
    Duration within;
    /** A line of this group was malformed; do not also report the group as incomplete. */
    boolean forgiven;
    final List<Expectation> expectations = new ArrayList<>();
    /** The command this group answers, taken off the session's pending list (put back for a continuation group). */
    SessionState.Pending pending;
    int pendingIndex;

    GroupBuilder(String session, Optional<String> tag, int firstLine) {
        this.session = session;
        this.tag = tag;
        this.firstLine = firstLine;
    }

    /** A command group is complete once it has its status, or the connection closing instead. */
    boolean terminated() {
        return expectations.stream().anyMatch(e -> e instanceof Expectation.Status || e instanceof Expectation.Closed);
    }

    /** Ends with a {@code +} that must arrive: the command awaits the client's answer ({@code A+>}). */
    boolean endsAtContinuation() {
        return !expectations.isEmpty() && expectations.get(expectations.size() - 1) instanceof Expectation.Continuation c
                && c.presence() == io.maildrill.script.ast.Presence.MUST;
    }

    boolean needsTerminator() {
        return target instanceof ExpectTarget.Command;
    }

    Statement.Expect build() {
        return new Statement.Expect(firstLine, session, target, ordered, strict, Optional.ofNullable(within), expectations);
    }
}
