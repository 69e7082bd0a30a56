package io.maildrill.load;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Which steps a user sends together next, without waiting between them: its persona's cycle walked
 * in order, each step taken with its probability (and, once taken, again with its repeat
 * probability), until the pipeline window is full or the next step may not follow without
 * waiting. With a window of one, each plan is one step.
 *
 * <p>IDLE is always a plan of its own: nothing may be sent until its DONE. Otherwise a plan ends
 * after a step whose answer decides what follows (LOGIN, SELECT, LOGOUT), and
 * before a step that RFC 3501 §5.5 says must wait: a command naming sequence numbers after any
 * command during which the server may send EXPUNGE (so every number still means the message the
 * client chose), and a STORE after a FETCH of flags or the other way round (the first example of an
 * ambiguity there). That step is not lost: it opens the next plan.
 */
final class StepPlanner {

    private final List<LoadProfile.Step> steps;
    private final int window;
    private final boolean oneLap;
    private int next;
    /** One lap mode: the cycle came round to its first step again; nothing more is drawn. */
    private boolean lapDone;
    /** The step last taken, while its repeat chance holds (a repeat may open the next plan). */
    private LoadProfile.Step repeating;
    /** A step drawn but held back because it had to wait; it opens the next plan. */
    private ImapStep held;

    StepPlanner(List<LoadProfile.Step> steps, int window) {
        this(steps, window, false);
    }

    /** With {@code oneLap}, the cycle is walked once (the open model's sessions), then {@link #lapDone()}. */
    StepPlanner(List<LoadProfile.Step> steps, int window, boolean oneLap) {
        if (steps.isEmpty() || window < 1) {
            throw new IllegalArgumentException("a plan needs steps and a window of at least 1");
        }
        this.steps = List.copyOf(steps);
        this.window = window;
        this.oneLap = oneLap;
    }

    /** In one-lap mode: every step of the cycle had its turn (and none is held); the plans are empty from now on. */
    boolean lapDone() {
        return lapDone && held == null;
    }

    static boolean endsPlan(ImapStep step) {
        return step == ImapStep.LOGIN || step == ImapStep.SELECT || step == ImapStep.LOGOUT || step == ImapStep.IDLE;
    }

    /** Whether {@code step} may be sent while {@code plan} is still unanswered. */
    static boolean mayFollow(List<ImapStep> plan, ImapStep step) {
        if (step == ImapStep.IDLE && !plan.isEmpty()) {
            return false;
        }
        for (ImapStep earlier : plan) {
            if (step.usesSequenceNumbers() && earlier.allowsExpunge()) {
                return false;
            }
            if (flagsConflict(earlier.use(), step.use())) {
                return false;
            }
        }
        return true;
    }

    private static boolean flagsConflict(ImapStep.Use a, ImapStep.Use b) {
        return a == ImapStep.Use.READS_FLAGS && b == ImapStep.Use.WRITES_FLAGS
                || a == ImapStep.Use.WRITES_FLAGS && b == ImapStep.Use.READS_FLAGS;
    }

    /**
     * The next plan; empty when no step was drawn in a whole lap of the cycle. {@code applicable}
     * says whether a step makes sense in the session's state now (it is asked once per draw).
     */
    List<ImapStep> next(SplittableRandom random, Predicate<ImapStep> applicable) {
        List<ImapStep> plan = new ArrayList<>();
        if (held != null) {
            ImapStep first = held;
            held = null;
            if (applicable.test(first)) {
                plan.add(first);
                if (endsPlan(first)) {
                    return plan;
                }
            }
        }
        int looked = 0;
        while (plan.size() < window && looked <= steps.size() && !lapDone) {
            LoadProfile.Step step;
            if (repeating != null) {
                step = repeating;
                repeating = null;
                if (random.nextInt(100) >= step.repeat() || !applicable.test(step.command())) {
                    continue;
                }
            } else {
                step = steps.get(next);
                next = (next + 1) % steps.size();
                looked++;
                lapDone = oneLap && next == 0;
                if (random.nextInt(100) >= step.percent() || !applicable.test(step.command())) {
                    continue;
                }
            }
            looked = 0;
            repeating = step.repeat() > 0 ? step : null;
            if (!mayFollow(plan, step.command())) {
                held = step.command();
                break;
            }
            plan.add(step.command());
            if (endsPlan(step.command())) {
                break;
            }
        }
        return plan;
    }

    /** A new connection starts the cycle from its first step, with nothing held. */
    void restart() {
        next = 0;
        repeating = null;
        held = null;
    }
}
