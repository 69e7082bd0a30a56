package io.maildrill.load;

import static io.maildrill.load.ImapStep.APPEND;
import static io.maildrill.load.ImapStep.DELETE;
import static io.maildrill.load.ImapStep.EXPUNGE;
import static io.maildrill.load.ImapStep.FETCH;
import static io.maildrill.load.ImapStep.FETCH2;
import static io.maildrill.load.ImapStep.LIST;
import static io.maildrill.load.ImapStep.LOGIN;
import static io.maildrill.load.ImapStep.LOGOUT;
import static io.maildrill.load.ImapStep.NOOP;
import static io.maildrill.load.ImapStep.SELECT;
import static io.maildrill.load.ImapStep.STATUS;
import static io.maildrill.load.ImapStep.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StepPlannerTest {

    private static List<LoadProfile.Step> always(ImapStep... steps) {
        return Arrays.stream(steps).map(s -> new LoadProfile.Step(s, 100, 0)).toList();
    }

    /** Plans as a session takes them: LOGIN while not logged in, anything else after, LOGIN again after LOGOUT. */
    private static List<List<ImapStep>> plans(StepPlanner<ImapStep> planner, int count) {
        SplittableRandom random = new SplittableRandom(1);
        List<List<ImapStep>> plans = new ArrayList<>();
        boolean loggedIn = false;
        for (int i = 0; i < count; i++) {
            boolean in = loggedIn;
            List<ImapStep> plan = planner.next(random, s -> in ? s != LOGIN : s == LOGIN);
            plans.add(plan);
            loggedIn = plan.contains(LOGIN) || loggedIn && !plan.contains(LOGOUT);
        }
        return plans;
    }

    @Test
    void imaptestsCycleIsCutWhereRfc3501SaysTheClientMustWait() {
        StepPlanner<ImapStep> planner = StepPlanner.imap(always(LOGIN, LIST, STATUS, SELECT, FETCH, FETCH2, STORE, DELETE, EXPUNGE,
                APPEND, LOGOUT), 10);
        assertThat(plans(planner, 5)).containsExactly(
                List.of(LOGIN),                               // its answer decides what follows
                List.of(LIST, STATUS, SELECT),                // so does SELECT's
                List.of(FETCH, FETCH2),                       // a STORE after a FETCH of flags would be ambiguous
                List.of(STORE, DELETE, EXPUNGE, APPEND, LOGOUT),
                List.of(LOGIN));                              // the next pass, after LOGOUT
    }

    @Test
    void aSequenceNumberCommandWaitsForACommandDuringWhichExpungeMayCome() {
        StepPlanner<ImapStep> planner = StepPlanner.imap(always(LOGIN, NOOP, FETCH2, EXPUNGE, STORE), 10);
        assertThat(plans(planner, 4)).containsExactly(
                List.of(LOGIN),
                List.of(NOOP),              // FETCH2 names sequence numbers: held for the next plan
                List.of(FETCH2, EXPUNGE),   // STORE after EXPUNGE would be held again
                List.of(STORE, NOOP));      // the cycle wraps round: NOOP names no message
    }

    @Test
    void aWindowOfOneSendsOneStepAtATimeAndTheWindowBoundsAPlan() {
        StepPlanner<ImapStep> single = StepPlanner.imap(always(LOGIN, LIST, STATUS, NOOP), 1);
        assertThat(plans(single, 4)).containsExactly(List.of(LOGIN), List.of(LIST), List.of(STATUS), List.of(NOOP));

        StepPlanner<ImapStep> two = StepPlanner.imap(always(LOGIN, LIST, STATUS, NOOP), 2);
        assertThat(plans(two, 3)).containsExactly(List.of(LOGIN), List.of(LIST, STATUS), List.of(NOOP, LIST));
    }

    @Test
    void oneLapWalksTheCycleOnceAndKeepsAHeldLastStep() {
        StepPlanner<ImapStep> planner = StepPlanner.imap(always(LOGIN, NOOP, FETCH), 10, true);
        assertThat(plans(planner, 4)).containsExactly(List.of(LOGIN), List.of(NOOP), List.of(FETCH), List.of());
        assertThat(planner.lapDone()).isTrue();

        StepPlanner<ImapStep> closed = StepPlanner.imap(always(LOGIN, NOOP, FETCH), 10);
        plans(closed, 4);
        assertThat(closed.lapDone()).as("the closed model walks round and round").isFalse();
    }

    @Test
    void stepsThatDoNotApplyAreSkippedAndAHeldStepIsNotLost() {
        StepPlanner<ImapStep> planner = StepPlanner.imap(always(LOGIN, NOOP, FETCH), 10);
        SplittableRandom random = new SplittableRandom(1);
        assertThat(planner.next(random, s -> s == LOGIN)).containsExactly(LOGIN);
        assertThat(planner.next(random, s -> s != LOGIN)).containsExactly(NOOP);
        assertThat(planner.next(random, s -> s != LOGIN)).startsWith(FETCH);
        planner.restart();
        assertThat(planner.next(random, s -> s == LOGIN)).containsExactly(LOGIN);
        assertThat(planner.next(random, s -> false)).isEmpty();
    }

    @Test
    void aPop3PersonaWalksItsCycleOneStepAPlanWithTheSameDice() {
        StepPlanner<Pop3Step> planner = StepPlanner.pop3(List.of(new LoadProfile.Step(Pop3Step.LOGIN, 100, 0),
                new LoadProfile.Step(Pop3Step.UIDL, 100, 0), new LoadProfile.Step(Pop3Step.RETR, 0, 0),
                new LoadProfile.Step(Pop3Step.QUIT, 100, 0)), false);
        SplittableRandom random = new SplittableRandom(1);

        assertThat(planner.next(random, s -> s == Pop3Step.LOGIN)).containsExactly(Pop3Step.LOGIN);
        assertThat(planner.next(random, s -> s != Pop3Step.LOGIN)).as("one step a plan: POP3 is not pipelined")
                .containsExactly(Pop3Step.UIDL);
        assertThat(planner.next(random, s -> s != Pop3Step.LOGIN)).as("RETR 0 % is never taken").containsExactly(Pop3Step.QUIT);
        assertThat(StepPlanner.mayFollow(List.of(Pop3Step.UIDL), Pop3Step.RETR)).isFalse();
    }
}
