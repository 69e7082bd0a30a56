package io.maildrill.load;

import static io.maildrill.run.session.SyntheticResponses.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.SelectResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The oracle's rules over responses made by the real decoder, one rule at a time. */
class SessionOracleTest {

    private Violations violations;
    private SharedMailbox mailbox;

    @BeforeEach
    void fresh() {
        violations = new Violations();
        mailbox = new SharedMailbox("INBOX of user1");
    }

    private SessionOracle selected(String name, int exists) {
        SessionOracle oracle = new SessionOracle(name, mailbox, violations, Clock.systemUTC());
        ImapCompletion select = new ImapCompletion("A1", (ImapResponse.Tagged) response("A1 OK [READ-WRITE] done"),
                List.of(response("* " + exists + " EXISTS"), response("* OK [UIDVALIDITY 42] v")), Duration.ZERO);
        oracle.selected(SelectResult.from(select));
        return oracle;
    }

    private static List<ImapResponse> responses(String... lines) {
        return List.of(lines).stream().map(l -> response(l)).toList();
    }

    @Test
    void consistentResponsesBreakNoRule() {
        SessionOracle oracle = selected("user1/1", 3);
        oracle.onCommand(ImapStep.FETCH, "FETCH 1:3 (UID RFC822.SIZE)", responses("* 1 FETCH (UID 10 RFC822.SIZE 100)",
                "* 2 FETCH (UID 11 RFC822.SIZE 200)", "* 3 FETCH (UID 15 RFC822.SIZE 300)"));
        oracle.onCommand(ImapStep.EXPUNGE, "EXPUNGE", responses("* 2 EXPUNGE", "* 3 EXISTS"));
        oracle.onCommand(ImapStep.FETCH, "FETCH 2:3 (UID)", responses("* 2 FETCH (UID 15)", "* 3 FETCH (UID 16)"));

        assertThat(violations.total()).isZero();
        assertThat(oracle.size()).isEqualTo(3);
        assertThat(oracle.diverged()).isFalse();
    }

    @Test
    void existsThatShrinksIsCaught() {
        SessionOracle oracle = selected("user1/1", 5);
        oracle.onCommand(ImapStep.NOOP, "NOOP", responses("* 4 EXISTS"));

        assertThat(violations.count(OracleRule.EXISTS_NEVER_SHRINKS)).isOne();
        Violation v = violations.kept(OracleRule.EXISTS_NEVER_SHRINKS).get(0);
        assertThat(v.session()).isEqualTo("user1/1");
        assertThat(v.command()).isEqualTo("NOOP");
        assertThat(v.response()).isEqualTo("* 4 EXISTS");
        assertThat(v.expected()).contains("at least 5");
        assertThat(oracle.diverged()).as("until the next SELECT nothing more is judged").isTrue();
    }

    @Test
    void aSecondSelectStartsANewViewInsteadOfShrinkingTheOld() {
        // others expunged while this session was not told yet: the new SELECT's smaller EXISTS is the new view
        SessionOracle oracle = selected("user1/1", 5);
        List<ImapResponse> reselect = responses("* 4 EXISTS", "* OK [UIDVALIDITY 42] v");
        oracle.onCommand(ImapStep.SELECT, "SELECT INBOX", reselect);
        oracle.selected(SelectResult.from(new ImapCompletion("A2", (ImapResponse.Tagged) response("A2 OK [READ-WRITE] done"),
                reselect, Duration.ZERO)));

        assertThat(violations.total()).isZero();
        assertThat(oracle.size()).isEqualTo(4);
        oracle.onCommand(ImapStep.NOOP, "NOOP", responses("* 3 EXISTS"));
        assertThat(violations.count(OracleRule.EXISTS_NEVER_SHRINKS)).as("the new view is judged as any").isOne();
    }

    @Test
    void expungeBeyondTheMailboxAndDuringFetchAreCaught() {
        selected("user1/1", 2).onCommand(ImapStep.EXPUNGE, "EXPUNGE", responses("* 3 EXPUNGE"));
        selected("user1/2", 2).onCommand(ImapStep.FETCH, "FETCH 1 (UID)", responses("* 1 EXPUNGE"));
        selected("user1/3", 2).onUnsolicited(responses("* 1 EXPUNGE"));

        assertThat(violations.count(OracleRule.EXPUNGE_NAMES_A_MESSAGE)).isOne();
        assertThat(violations.count(OracleRule.NO_EXPUNGE_DURING_FETCH_STORE_SEARCH)).isOne();
        assertThat(violations.count(OracleRule.NO_EXPUNGE_WITHOUT_COMMAND)).isOne();
    }

    @Test
    void aUidThatChangesOrDoesNotAscendIsCaught() {
        SessionOracle first = selected("user1/1", 3);
        first.onCommand(ImapStep.FETCH, "FETCH 1 (UID)", responses("* 1 FETCH (UID 10)"));
        first.onCommand(ImapStep.FETCH, "FETCH 1 (UID)", responses("* 1 FETCH (UID 11)"));
        SessionOracle second = selected("user1/2", 3);
        second.onCommand(ImapStep.FETCH, "FETCH 1:2 (UID)", responses("* 1 FETCH (UID 10)", "* 2 FETCH (UID 9)"));

        assertThat(violations.count(OracleRule.UID_NEVER_CHANGES)).isOne();
        assertThat(violations.count(OracleRule.UIDS_ASCEND)).isOne();
    }

    @Test
    void staticItemsAreComparedAcrossSessionsByUid() {
        selected("user1/1", 1).onCommand(ImapStep.FETCH, "FETCH 1 (UID RFC822.SIZE)",
                responses("* 1 FETCH (UID 10 RFC822.SIZE 100)"));
        selected("user1/2", 1).onCommand(ImapStep.FETCH, "FETCH 1 (UID RFC822.SIZE)",
                responses("* 1 FETCH (UID 10 RFC822.SIZE 102)"));
        selected("user1/3", 1).onCommand(ImapStep.FETCH2, "FETCH 1 (UID BODY.PEEK[])",
                responses("* 1 FETCH (UID 10 BODY[] \"abc\")"));

        assertThat(violations.count(OracleRule.STATIC_ITEMS_UNCHANGED)).isOne();
        assertThat(violations.count(OracleRule.SIZE_MATCHES_BODY)).as("3 octets against the RFC822.SIZE 100").isOne();
    }

    @Test
    void nilFetchResponsesOfAMessageAnotherSessionExpungedAreNoChange() {
        // RFC 2180 §4.1.3: a server may answer for a message expunged elsewhere with empty data
        selected("user1/1", 1).onCommand(ImapStep.FETCH, "FETCH 1 (UID RFC822.SIZE ENVELOPE)", responses(
                "* 1 FETCH (UID 7 RFC822.SIZE 120 ENVELOPE (\"d\" \"s\" NIL NIL NIL NIL NIL NIL NIL \"<m@x>\"))"));
        selected("user1/2", 1).onCommand(ImapStep.FETCH, "FETCH 1 (UID RFC822.SIZE ENVELOPE)", responses(
                "* 1 FETCH (UID 7 RFC822.SIZE 0 ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL))"));
        selected("user1/3", 1).onCommand(ImapStep.FETCH2, "FETCH 1 (UID BODY.PEEK[])", responses(
                "* 1 FETCH (UID 7 BODY[] \"\")"));
        assertThat(violations.total()).isZero();

        selected("user1/4", 1).onCommand(ImapStep.FETCH, "FETCH 1 (UID ENVELOPE)", responses(
                "* 1 FETCH (UID 7 ENVELOPE (\"d\" \"other\" NIL NIL NIL NIL NIL NIL NIL \"<m@x>\"))"));
        assertThat(violations.count(OracleRule.STATIC_ITEMS_UNCHANGED)).as("a changed envelope is still caught").isOne();
    }

    @Test
    void aNewUidValidityForgetsWhatWasLearnt() {
        selected("user1/1", 1).onCommand(ImapStep.FETCH, "FETCH 1 (UID RFC822.SIZE)",
                responses("* 1 FETCH (UID 10 RFC822.SIZE 100)"));
        mailbox.selected(43);
        assertThat(mailbox.size(43, 10, 200)).isEmpty();
        assertThat(violations.total()).isZero();
    }
}
