package io.maildrill.run.session;

import io.maildrill.run.match.ImapData;
import static io.maildrill.run.session.SyntheticResponses.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.imap.ImapResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ledger over synthetic responses: which candidates a group gets, and what claiming leaves. */
class ImapArrivalsTest {

    private final ImapArrivals arrivals = new ImapArrivals();

    private void arrive(String line) {
        ImapResponse r = response(line);
        if (r instanceof ImapResponse.Tagged t) {
            arrivals.completion(t);
        } else if (r instanceof ImapResponse.Continuation c) {
            arrivals.continuation(c);
        } else {
            arrivals.untagged(r, List.of());
        }
    }

    private static List<String> texts(List<ImapArrivals.Received> received) {
        return received.stream().map(r -> ImapData.describe(r.response())).toList();
    }

    @Test
    void aGroupsCandidatesAreTheUntaggedResponsesBeforeItsCompletion() {
        ImapArrivals.Command noop = arrivals.sent(5, "A1", "A1 NOOP", false, Optional.empty());
        arrive("* 3 EXISTS");
        arrive("A1 OK done");
        arrive("* 4 EXISTS");

        assertThat(noop.completion()).map(ImapResponse.Tagged::ok).contains(true);
        assertThat(texts(arrivals.candidatesBefore(noop.completionIndex()))).containsExactly("* 3 EXISTS");
        assertThat(arrivals.commandFor(5)).containsSame(noop);
        assertThat(arrivals.tagInUse("A1")).as("completed: the tag is free again").isFalse();
    }

    @Test
    void claimingDropsUnclaimedCandidatesOnlyWhenNoOtherCommandAwaitsItsGroup() {
        ImapArrivals.Command first = arrivals.sent(1, "A1", "A1 NOOP", false, Optional.empty());
        ImapArrivals.Command second = arrivals.sent(2, "A2", "A2 NOOP", false, Optional.empty());
        arrive("* 1 EXPUNGE");
        arrive("* 2 EXISTS");
        arrive("A1 OK done");
        arrive("A2 OK done");

        List<ImapArrivals.Received> candidates = arrivals.candidatesBefore(first.completionIndex());
        arrivals.claim(first, candidates, candidates.subList(0, 1));
        // the second command's group may still claim what the first left (pipelining)
        assertThat(texts(arrivals.candidatesBefore(second.completionIndex()))).containsExactly("* 2 EXISTS");

        List<ImapArrivals.Received> rest = arrivals.candidatesBefore(second.completionIndex());
        arrivals.claim(second, rest, List.of());
        assertThat(arrivals.candidatesBefore(arrivals.nextIndex())).as("no group left to claim it").isEmpty();
        assertThat(arrivals.noneAwaitingGroup()).isTrue();
    }

    @Test
    void aCompletionForNoCommandIsAProblemForTheNextGroup() {
        arrive("ZZ9 OK not yours");
        assertThat(arrivals.takeProblems()).singleElement().asString().contains("ZZ9 OK not yours")
                .contains("answers no command in flight");
        assertThat(arrivals.takeProblems()).as("taken once").isEmpty();
    }

    @Test
    void everyCommandInFlightSeesAContinuationUntilTheClientAnswersIt() {
        ImapArrivals.Command auth = arrivals.sent(1, "A1", "A1 AUTHENTICATE PLAIN", false, Optional.empty());
        ImapArrivals.Command other = arrivals.sent(2, "A2", "A2 NOOP", false, Optional.empty());
        arrive("+ ");
        assertThat(auth.continuations()).hasSize(1);
        assertThat(other.continuations()).hasSize(1);

        arrivals.claimUpToContinuation(auth, List.of(), List.of());
        assertThat(auth.continuations()).isEmpty();
        assertThat(arrivals.commandFor(1)).as("still awaiting the group after the answer").containsSame(auth);
        assertThat(arrivals.tagInUse("A1")).isTrue();
    }

    @Test
    void idleGroupsSeeOnlyWhatCameSinceTheLastOne() {
        arrive("* 1 EXISTS");
        arrivals.markIdle();
        arrive("* 2 EXISTS");
        assertThat(texts(arrivals.idleCandidates())).containsExactly("* 2 EXISTS");
        arrivals.claimIdle(arrivals.idleCandidates());
        arrive("* 3 EXISTS");
        assertThat(texts(arrivals.idleCandidates())).containsExactly("* 3 EXISTS");
    }

    @Test
    void aWithdrawnCommandAwaitsNoGroupAndFreesItsTag() {
        ImapArrivals.Command setup = arrivals.sent(1, "A1", "A1 UID FETCH 1:* (UID FLAGS)", false, Optional.empty());
        arrive("* 1 FETCH (UID 7 FLAGS ())");
        arrivals.withdraw(setup);
        assertThat(arrivals.commandFor(1)).isEmpty();
        assertThat(arrivals.tagInUse("A1")).isFalse();
        arrivals.dropBefore(arrivals.nextIndex());
        assertThat(arrivals.candidatesBefore(arrivals.nextIndex())).isEmpty();
    }
}
