package io.maildrill.run.session;

import static io.maildrill.run.session.SyntheticResponses.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.imap.ImapResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session's mailbox model over synthetic responses: seeding, expunges, fixture messages, problems. */
class SessionMailboxTest {

    private final FixtureState fixture = new FixtureState("INBOX", List.of(11L, 12L, 13L));
    private final List<String> problems = new ArrayList<>();
    private final SessionMailbox mailbox = new SessionMailbox("A", fixture, problems::add);

    private void selectFixtureWithUids() {
        mailbox.selecting(true);
        mailbox.apply(response("* 3 EXISTS"));
        assertThat(mailbox.view()).as("nothing selected before the answer").isEmpty();
        mailbox.seed();
        mailbox.apply(response("* 1 FETCH (UID 11 FLAGS ())"));
        mailbox.apply(response("* 2 FETCH (UID 12 FLAGS ())"));
        mailbox.apply(response("* 3 FETCH (UID 13 FLAGS ())"));
    }

    @Test
    void anExpungeInTheFixtureMailboxRemovesThatFixtureMessageForEverySession() {
        selectFixtureWithUids();
        List<Long> before = mailbox.apply(response("* 2 EXPUNGE"));

        assertThat(before).containsExactly(11L, 12L, 13L);
        assertThat(mailbox.uids()).containsExactly(11L, 13L);
        assertThat(fixture.present()).containsExactly(1, 3);
        // #3 in a pattern of that EXPUNGE is resolved as the view stood before it: sequence 3
        assertThat(mailbox.refsAt(before).sequence(3)).hasValue(3);
        assertThat(problems).isEmpty();
    }

    @Test
    void aResponseThatContradictsTheViewIsAProblemNotAnException() {
        selectFixtureWithUids();
        mailbox.apply(response("* 2 EXISTS"));
        assertThat(problems).singleElement().asString().startsWith("inconsistent with what the server told A before")
                .contains("* 2 EXISTS");
    }

    @Test
    void aRejectedSelectGetsTheOldViewBack() {
        selectFixtureWithUids();
        var old = mailbox.view().orElseThrow();
        mailbox.selecting(false);
        assertThat(mailbox.count()).isZero();
        mailbox.restore(old);
        assertThat(mailbox.uids()).containsExactly(11L, 12L, 13L);
    }

    @Test
    void aSilentStoreOfTheSessionIsInItsView() {
        selectFixtureWithUids();
        mailbox.apply(new SilentStore(true, "12", '+', java.util.Set.of("\\DELETED")));
        assertThat(mailbox.view().orElseThrow().messages().get(1).flags()).containsExactly("\\DELETED");
    }
}
