package io.maildrill.run.session;

import io.maildrill.corpus.Corpus;
import io.maildrill.run.match.Bindings;
import io.maildrill.target.Account;
import io.maildrill.target.Target;

import java.time.Duration;
import java.util.Optional;

/**
 * What a script session needs from the run: where to connect, as whom, the fixture it can refer
 * to, the script-wide variables, and the wait bounds.
 *
 * @param groupTimeout   default bound for group waits, continuations and closes ({@code @timeout})
 * @param connectTimeout bound for connect, greeting, login and selection
 * @param mailboxPrefix  the server's personal namespace prefix ("" or e.g. "INBOX."), for scratch mailboxes
 */
public record SessionEnv(Target target, Account account, FixtureState fixture, Optional<Corpus> corpus,
                         Bindings bindings, Duration groupTimeout, Duration connectTimeout, String mailboxPrefix) {

    /** The wire name of a script's scratch mailbox {@code {mailbox(name)}}: inside the personal namespace. */
    public String scratchMailbox(String name) {
        return mailboxPrefix + "maildrill-" + name;
    }

    /** Fixture message k's octets, as sent by {@code {fixture.message(k)}}. */
    public byte[] fixtureMessage(int k) {
        return corpus.orElseThrow(() -> new IllegalStateException("the script has no @fixture"))
                .message(k - 1).bytes();
    }
}
