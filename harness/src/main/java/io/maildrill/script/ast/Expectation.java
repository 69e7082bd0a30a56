package io.maildrill.script.ast;

import java.util.List;
import java.util.Set;

/** One {@code A< ...} line inside an {@link Statement.Expect} group. */
public sealed interface Expectation extends Located {

    /**
     * {@code A< * 3 EXISTS}, {@code A< may * ...}, {@code A< not * ...}: an untagged response; {@code pattern}
     * is everything after the {@code *}.
     */
    record Untagged(int line, Presence presence, List<Pattern> pattern) implements Expectation {
        public Untagged {
            pattern = List.copyOf(pattern);
        }
    }

    /**
     * The completion: {@code A< OK [READ-WRITE] ...}, {@code A< OK|NO}, {@code A< +OK 2 *}, {@code A< -ERR}.
     * {@code text} is empty when no text pattern was written (any text is accepted); otherwise the
     * response code and text after the status word must match it (a response code is a {@link Pattern.Code}).
     * When {@code accepted} holds {@link StatusWord#BYE}, an untagged {@code * BYE} followed by the server
     * closing the connection also satisfies the group (the text pattern then applies to the BYE's text).
     */
    record Status(int line, Set<StatusWord> accepted, java.util.Optional<List<Pattern>> text) implements Expectation {
        public Status {
            accepted = Set.copyOf(accepted);
            text = text.map(List::copyOf);
        }

        /** Whether an untagged BYE and the close may stand in for the tagged completion. */
        public boolean acceptsBye() {
            return accepted.contains(StatusWord.BYE);
        }

        /** Whether the server closing the connection instead of answering satisfies it ({@code OK|closed}). */
        public boolean acceptsClose() {
            return accepted.contains(StatusWord.CLOSED);
        }
    }

    /**
     * IMAP {@code A< +} / {@code A< + pattern}: a continuation request must arrive; {@code A< not + ...}: none may
     * arrive (e.g. for a literal the server must refuse at once).
     */
    record Continuation(int line, Presence presence, java.util.Optional<List<Pattern>> text) implements Expectation {
        public Continuation {
            text = text.map(List::copyOf);
        }
    }

    /** POP3 {@code A< line 1 *} / {@code A< may line ...} / {@code A< not line 3 *}: a content line of a multi-line response. */
    record ContentLine(int line, Presence presence, List<Pattern> pattern) implements Expectation {
        public ContentLine {
            pattern = List.copyOf(pattern);
        }
    }

    /** POP3 {@code A< lines 4}: exactly that many content lines (after the status line, before the dot). */
    record LineCount(int line, int count) implements Expectation {}

    /** POP3 {@code A< content $msg}: binds the whole multi-line content, dot-unstuffed, CRLF line ends. */
    record Content(int line, String captureName) implements Expectation {}

    /** {@code A< greeting +OK ...} / {@code A< greeting * OK ...}: the server greeting of the current connection. */
    record Greeting(int line, List<Pattern> pattern) implements Expectation {
        public Greeting {
            pattern = List.copyOf(pattern);
        }
    }

    /** {@code A< closed}: the server closes the connection (within the wait bound). */
    record Closed(int line) implements Expectation {}
}
