package io.maildrill.run.match;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resolves {@code #k} / {@code #k.uid} for one response being matched: IMAP against the view as
 * it stood when that response arrived, POP3 against the numbering at login.
 */
public interface RefResolver {

    /** Fixture message k's sequence number, empty when it has left the view. */
    OptionalLong sequence(int fixtureIndex);

    /** Fixture message k's UID (IMAP, a number) or UIDL (POP3, text), empty when unknown. */
    Optional<Value> uid(int fixtureIndex);

    RefResolver NONE = new RefResolver() {
        @Override
        public OptionalLong sequence(int fixtureIndex) {
            return OptionalLong.empty();
        }

        @Override
        public Optional<Value> uid(int fixtureIndex) {
            return Optional.empty();
        }
    };
}
