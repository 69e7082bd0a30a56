package io.maildrill.run.session;

import io.maildrill.run.match.Bindings;
import io.maildrill.run.match.Datum;
import io.maildrill.run.match.PatternMatcher;
import io.maildrill.run.match.PatternText;
import io.maildrill.run.match.RefResolver;
import io.maildrill.script.ast.Pattern;
import io.maildrill.script.ast.Presence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Steps 3 to 6 of docs/scripts.md "How the runner evaluates a group", shared by IMAP untagged lines
 * and POP3 content lines: must lines claim distinct candidates (greedy, earliest first; in arrival
 * order with {@code ordered}), may lines claim every further match, not lines fail on any match,
 * strict fails on an unclaimed candidate.
 *
 * @param <C> a candidate (an IMAP response with its view, a POP3 content line)
 */
final class UntaggedLines<C> {

    /** One expectation line of the group. */
    record Line(int line, Presence presence, List<Pattern> patterns, String prefix) {
    }

    /** How candidates are seen: their pattern data (empty for malformed ones), their #k resolution, their text. */
    interface View<C> {
        List<Datum> data(C candidate);

        RefResolver refs(C candidate);

        String describe(C candidate);

        /** References as they stand now, for messages when there is no candidate to resolve against. */
        RefResolver currentRefs();
    }

    private final View<C> view;
    private final Bindings bindings;

    UntaggedLines(View<C> view, Bindings bindings) {
        this.view = view;
        this.bindings = bindings;
    }

    /** Whether every must line can claim a candidate (for idle waits); binds nothing. */
    boolean mustsSatisfiable(List<Line> lines, List<C> candidates, boolean ordered) {
        Bindings trial = bindings.tentative();
        return claimMusts(lines, candidates, ordered, trial, new ArrayList<>()) == null;
    }

    /**
     * Evaluates the lines; returns the claimed candidates or throws a {@link StepFailure} naming the
     * first failing line.
     */
    List<C> evaluate(List<Line> lines, List<C> candidates, boolean ordered, boolean strict, String session,
                     String sent, Function<List<C>, String> actual, int groupLine) {
        List<C> claimed = new ArrayList<>();
        Bindings work = bindings.tentative();
        Line failed = claimMusts(lines, candidates, ordered, work, claimed);
        if (failed != null) {
            throw new StepFailure(failed.line(), session, sent, expected(failed, candidates)
                    + (ordered ? " (ordered)" : ""), actual.apply(claimed));
        }
        for (Line l : lines) {
            if (l.presence() != Presence.MAY) {
                continue;
            }
            for (C c : candidates) {
                if (!claimed.contains(c)) {
                    Bindings t = work.tentative();
                    if (new PatternMatcher(view.refs(c), true).matches(l.patterns(), view.data(c), t)) {
                        work.commit(t);
                        claimed.add(c);
                    }
                }
            }
        }
        for (Line l : lines) {
            if (l.presence() != Presence.MUST_NOT) {
                continue;
            }
            for (C c : candidates) {
                if (new PatternMatcher(view.refs(c), false).matches(l.patterns(), view.data(c), work.tentative())) {
                    throw new StepFailure(l.line(), session, sent, "not " + expected(l, List.of(c)),
                            "it arrived: " + view.describe(c) + "\n" + actual.apply(claimed));
                }
            }
        }
        if (strict) {
            for (C c : candidates) {
                if (!claimed.contains(c)) {
                    throw new StepFailure(groupLine, session, sent, "strict: every response claimed by a line",
                            "unclaimed: " + view.describe(c) + "\n" + actual.apply(claimed));
                }
            }
        }
        bindings.commit(work);
        return claimed;
    }

    private Line claimMusts(List<Line> lines, List<C> candidates, boolean ordered, Bindings work, List<C> claimed) {
        int lastPosition = -1;
        for (Line l : lines) {
            if (l.presence() != Presence.MUST) {
                continue;
            }
            boolean found = false;
            for (int i = ordered ? lastPosition + 1 : 0; i < candidates.size(); i++) {
                C c = candidates.get(i);
                if (claimed.contains(c)) {
                    continue;
                }
                Bindings t = work.tentative();
                if (new PatternMatcher(view.refs(c), true).matches(l.patterns(), view.data(c), t)) {
                    work.commit(t);
                    claimed.add(c);
                    lastPosition = i;
                    found = true;
                    break;
                }
            }
            if (!found) {
                return l;
            }
        }
        return null;
    }

    private String expected(Line l, List<C> candidates) {
        RefResolver refs = candidates.isEmpty() ? view.currentRefs() : view.refs(candidates.get(0));
        return l.prefix() + PatternText.renderResolved(l.patterns(), refs);
    }
}
