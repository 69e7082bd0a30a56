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
 *
 * <p>A POP3 persona's steps ({@link Pop3Step}) each make a plan of their own: this client does not
 * pipeline POP3, so only the walk and its dice (percent, repeat) apply to them, the same as to IMAP.
 *
 * @param <K> the persona's kind of step ({@link ImapStep} or {@link Pop3Step})
 */
final class StepPlanner<K extends StepCommand> {

    private final Class<K> kind;
    private final List<LoadProfile.Step> steps;
    private final int window;
    private final boolean oneLap;
    private int next;
    /** One lap mode: the cycle came round to its first step again; nothing more is drawn. */
    private boolean lapDone;
    /** The step last taken, while its repeat chance holds (a repeat may open the next plan). */
    private LoadProfile.Step repeating;
    /** A step drawn but held back because it had to wait; it opens the next plan. */
    private K held;

    static StepPlanner<ImapStep> imap(List<LoadProfile.Step> steps, int window) {
        return imap(steps, window, false);
    }

    /** With {@code oneLap}, the cycle is walked once (the open model's sessions), then {@link #lapDone()}. */
    static StepPlanner<ImapStep> imap(List<LoadProfile.Step> steps, int window, boolean oneLap) {
        return new StepPlanner<>(ImapStep.class, steps, window, oneLap);
    }

    /** A POP3 persona's walk: one step a plan. */
    static StepPlanner<Pop3Step> pop3(List<LoadProfile.Step> steps, boolean oneLap) {
        return new StepPlanner<>(Pop3Step.class, steps, 1, oneLap);
    }

    private StepPlanner(Class<K> kind, List<LoadProfile.Step> steps, int window, boolean oneLap) {
        if (steps.isEmpty() || window < 1) {
            throw new IllegalArgumentException("a plan needs steps and a window of at least 1");
        }
        if (steps.stream().anyMatch(s -> !kind.isInstance(s.command()))) {
            throw new IllegalArgumentException("every step must be a " + kind.getSimpleName());
        }
        this.kind = kind;
        this.steps = List.copyOf(steps);
        this.window = window;
        this.oneLap = oneLap;
    }

    /** In one-lap mode: every step of the cycle had its turn (and none is held); the plans are empty from now on. */
    boolean lapDone() {
        return lapDone && held == null;
    }

    /** Every POP3 step ends its plan (no pipelining); of IMAP's, those whose answer decides what follows. */
    static boolean endsPlan(StepCommand step) {
        return !(step instanceof ImapStep imap)
                || imap == ImapStep.LOGIN || imap == ImapStep.SELECT || imap == ImapStep.LOGOUT || imap == ImapStep.IDLE;
    }

    /** Whether {@code step} may be sent while {@code plan} is still unanswered (anything may open an empty plan). */
    static boolean mayFollow(List<? extends StepCommand> plan, StepCommand step) {
        if (plan.isEmpty()) {
            return true;
        }
        if (!(step instanceof ImapStep next) || next == ImapStep.IDLE) {
            return false;
        }
        for (StepCommand e : plan) {
            if (!(e instanceof ImapStep earlier)) {
                return false;
            }
            if (next.usesSequenceNumbers() && earlier.allowsExpunge()) {
                return false;
            }
            if (flagsConflict(earlier.use(), next.use())) {
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
    List<K> next(SplittableRandom random, Predicate<K> applicable) {
        List<K> plan = new ArrayList<>();
        if (held != null) {
            K first = held;
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
                if (random.nextInt(100) >= step.repeat() || !applicable.test(kind.cast(step.command()))) {
                    continue;
                }
            } else {
                step = steps.get(next);
                next = (next + 1) % steps.size();
                looked++;
                lapDone = oneLap && next == 0;
                if (random.nextInt(100) >= step.percent() || !applicable.test(kind.cast(step.command()))) {
                    continue;
                }
            }
            looked = 0;
            repeating = step.repeat() > 0 ? step : null;
            K command = kind.cast(step.command());
            if (!mayFollow(plan, command)) {
                held = command;
                break;
            }
            plan.add(command);
            if (endsPlan(command)) {
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
