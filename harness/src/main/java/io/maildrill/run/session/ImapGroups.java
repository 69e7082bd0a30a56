package io.maildrill.run.session;

import io.maildrill.run.match.ImapData;
import io.maildrill.imap.ImapResponse;
import io.maildrill.run.match.Bindings;
import io.maildrill.run.match.Datum;
import io.maildrill.run.match.PatternMatcher;
import io.maildrill.run.match.PatternText;
import io.maildrill.run.match.RefResolver;
import io.maildrill.run.match.Words;
import io.maildrill.script.ast.ExpectTarget;
import io.maildrill.script.ast.Expectation;
import io.maildrill.script.ast.Pattern;
import io.maildrill.script.ast.Presence;
import io.maildrill.script.ast.Statement;
import io.maildrill.script.ast.StatusWord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Evaluates IMAP expectation groups (docs/scripts.md "How the runner evaluates a group"): waits,
 * picks the candidates, runs the untagged lines, then the continuation, status and close lines.
 * Every failure is a {@link StepFailure}; a malformed reply is quoted with its description.
 */
public final class ImapGroups {

    private final ImapScriptSession session;
    private final Bindings bindings;

    public ImapGroups(ImapScriptSession session, Bindings bindings) {
        this.session = session;
        this.bindings = bindings;
    }

    /**
     * Evaluates one group; returns true when an untagged BYE and the close stood in for the command's
     * completion ({@code A< BAD|NO|BYE}): the session has then ended.
     */
    public boolean evaluate(Statement.Expect group, Duration defaultWait) {
        Instant deadline = Instant.now().plus(group.within().orElse(defaultWait));
        if (group.target() instanceof ExpectTarget.Command c) {
            return commandGroup(group, c.sendLine(), deadline, group.within().orElse(defaultWait));
        }
        if (group.target() instanceof ExpectTarget.Idle) {
            idleGroup(group, deadline);
        } else {
            connectionGroup(group, deadline, group.within().orElse(defaultWait));
        }
        return false;
    }

    private boolean commandGroup(Statement.Expect group, int sendLine, Instant deadline, Duration wait) {
        ImapArrivals.Command cmd = session.commandFor(sendLine).orElseThrow(() -> new StepFailure(group.line(),
                session.name(), "", "a command awaiting this group", "no command of " + session.name() + " is in flight"));
        if (endsAtContinuation(group)) {
            continuationGroup(group, cmd, deadline, wait);
            return false;
        }
        boolean wantsClose = group.expectations().stream().anyMatch(Expectation.Closed.class::isInstance);
        List<Expectation.Continuation> forbidden = group.expectations().stream()
                .filter(e -> e instanceof Expectation.Continuation c && c.presence() == Presence.MUST_NOT)
                .map(Expectation.Continuation.class::cast).toList();
        // A forbidden "+" ends the wait at once: the server now waits for octets that will never come,
        // so waiting for the completion would only time out with a misleading reason.
        session.await(() -> cmd.completion().isPresent() || continuationArrived(forbidden, cmd)
                || malformedCompletion(cmd).isPresent(), deadline);
        if (wantsClose) {
            session.await(() -> false, deadline); // a group with 'closed' also waits for the server to close
        }
        long limit = cmd.completion().isPresent() ? cmd.completionIndex() : session.nextIndex();
        List<ImapArrivals.Received> candidates = session.candidatesBefore(limit);
        failOnProblems(group, cmd.text(), candidates);
        for (Expectation.Continuation cont : forbidden) {
            checkContinuation(cont, cmd, candidates, List.of());
        }
        Optional<ImapArrivals.Received> bye = cmd.completion().isEmpty()
                ? group.status().filter(Expectation.Status::acceptsBye).flatMap(s -> byeInsteadOfCompletion(s, cmd, candidates, wait))
                : Optional.empty();
        // 'OK|closed': the server closed the connection instead of answering, which the status line accepts.
        boolean closedInstead = cmd.completion().isEmpty() && bye.isEmpty() && session.closedWhy().isPresent()
                && group.status().map(Expectation.Status::acceptsClose).orElse(false);
        if (cmd.completion().isEmpty() && bye.isEmpty() && !closedInstead
                && !(wantsClose && session.closedWhy().isPresent() && group.status().isEmpty())) {
            String what = malformedCompletion(cmd)
                    .map(m -> "the tagged response for " + cmd.tag() + " is malformed: " + m.describe())
                    .or(session::closedWhy)
                    .orElse("no tagged response for " + cmd.tag() + " within " + seconds(wait));
            throw new StepFailure(group.status().map(Expectation::line).orElse(group.line()), session.name(), cmd.text(),
                    group.status().map(this::describeStatus).orElse("closed"), what + arrivals(candidates, List.of()));
        }
        // A BYE standing in for the completion is the group's status, not one of its untagged candidates.
        List<ImapArrivals.Received> untagged = bye.map(b -> candidates.stream().filter(r -> r != b).toList()).orElse(candidates);
        List<ImapArrivals.Received> claimed = new ArrayList<>(untaggedLines(group, untagged, cmd.text()));
        bye.ifPresent(claimed::add);
        for (Expectation e : group.expectations()) {
            if (e instanceof Expectation.Continuation cont) {
                checkContinuation(cont, cmd, candidates, claimed);
            } else if (e instanceof Expectation.Status status && bye.isEmpty() && !closedInstead) {
                checkStatus(status, cmd, candidates, claimed);
            } else if (e instanceof Expectation.Closed closed && session.closedWhy().isEmpty()) {
                throw new StepFailure(closed.line(), session.name(), cmd.text(), "the server closes the connection",
                        "still open after " + seconds(wait) + arrivals(candidates, claimed));
            }
        }
        session.finishGroup(cmd, candidates, claimed);
        return bye.isPresent() || closedInstead;
    }

    /** A command group without a status whose last line is a {@code +} that must arrive (then {@code A+>} answers). */
    private static boolean endsAtContinuation(Statement.Expect group) {
        List<Expectation> e = group.expectations();
        return group.status().isEmpty() && !e.isEmpty() && e.get(e.size() - 1) instanceof Expectation.Continuation c
                && c.presence() == Presence.MUST;
    }

    /**
     * Waits for the continuation request the group ends with; the untagged lines judge what arrived
     * before it. A completion or a close instead fails the group, with what came.
     */
    private void continuationGroup(Statement.Expect group, ImapArrivals.Command cmd, Instant deadline, Duration wait) {
        Expectation.Continuation awaited = (Expectation.Continuation) group.expectations().get(group.expectations().size() - 1);
        session.await(() -> cmd.completion().isPresent() || matchingContinuation(awaited, cmd), deadline);
        List<ImapArrivals.Received> candidates = session.candidatesBefore(session.nextIndex());
        failOnProblems(group, cmd.text(), candidates);
        if (!matchingContinuation(awaited, cmd)) {
            String what = cmd.completion().isPresent() ? ImapData.describe(cmd.completion().get()) + " instead"
                    : session.closedWhy().orElse("no continuation request within " + seconds(wait));
            List<String> got = cmd.continuations();
            throw new StepFailure(awaited.line(), session.name(), cmd.text(),
                    "+" + awaited.text().map(p -> " " + PatternText.render(p)).orElse(""),
                    what + (got.isEmpty() ? "" : " (continuations: " + got + ")") + arrivals(candidates, List.of()));
        }
        List<ImapArrivals.Received> claimed = untaggedLines(group, candidates, cmd.text());
        for (Expectation e : group.expectations()) {
            if (e instanceof Expectation.Continuation cont && cont != awaited) {
                checkContinuation(cont, cmd, candidates, claimed);
            }
        }
        session.finishContinuationGroup(cmd, candidates, claimed);
    }

    /**
     * {@code A< BAD|NO|BYE}: with no tagged completion, an untagged BYE whose text matches, followed by the
     * server closing the connection, satisfies the status line (RFC 3501 section 7.1.5). Empty when no BYE
     * arrived (the caller reports the missing completion); a failure when the BYE does not match or the
     * connection stayed open after it.
     */
    private Optional<ImapArrivals.Received> byeInsteadOfCompletion(Expectation.Status status, ImapArrivals.Command cmd,
                                                                        List<ImapArrivals.Received> candidates, Duration wait) {
        Optional<ImapArrivals.Received> bye = candidates.stream()
                .filter(r -> r.response() instanceof ImapResponse.Condition c && c.status() == io.maildrill.imap.Status.BYE)
                .findFirst();
        if (bye.isEmpty()) {
            return Optional.empty();
        }
        ImapResponse.Condition c = (ImapResponse.Condition) bye.get().response();
        if (status.text().isPresent()) {
            Bindings tentative = bindings.tentative();
            if (!new PatternMatcher(session.refsNow(), true).matches(status.text().get(), Words.imapStatus(c.code(), c.text()), tentative)) {
                throw new StepFailure(status.line(), session.name(), cmd.text(), describeStatus(status),
                        ImapData.describe(c) + " (no tagged response)" + arrivals(candidates, List.of()));
            }
            bindings.commit(tentative);
        }
        if (session.closedWhy().isEmpty()) {
            throw new StepFailure(status.line(), session.name(), cmd.text(), describeStatus(status)
                    + " (BYE stands for the completion only if the server then closes the connection)",
                    ImapData.describe(c) + ", then no tagged response and the connection still open after " + seconds(wait)
                            + arrivals(candidates, List.of()));
        }
        return bye;
    }

    /**
     * A reply that starts with the command's tag but is not a well-formed line (a bare LF line end,
     * say): the completion came, broken, so waiting out the bound would only hide it.
     */
    private Optional<io.maildrill.net.MalformedReply> malformedCompletion(ImapArrivals.Command cmd) {
        byte[] tag = (cmd.tag() + " ").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (ImapArrivals.Received r : session.candidatesBefore(session.nextIndex())) {
            if (r.response() instanceof io.maildrill.imap.ImapResponse.Malformed m
                    && java.util.Arrays.equals(m.reply().bytes(), 0, Math.min(tag.length, m.reply().bytes().length), tag, 0, tag.length)) {
                return Optional.of(m.reply());
            }
        }
        return Optional.empty();
    }

    /** Whether a continuation request that a {@code not +} line forbids has arrived for {@code cmd}. */
    private boolean continuationArrived(List<Expectation.Continuation> forbidden, ImapArrivals.Command cmd) {
        return forbidden.stream().anyMatch(cont -> matchingContinuation(cont, cmd));
    }

    private boolean matchingContinuation(Expectation.Continuation cont, ImapArrivals.Command cmd) {
        for (String text : cmd.continuations()) {
            String words = text.length() > 2 ? text.substring(2) : "";
            if (cont.text().isEmpty()
                    || new PatternMatcher(RefResolver.NONE, false).matches(cont.text().get(), Words.split(words), bindings.tentative())) {
                return true;
            }
        }
        return false;
    }

    private void idleGroup(Statement.Expect group, Instant deadline) {
        List<UntaggedLines.Line> lines = lines(group);
        UntaggedLines<ImapArrivals.Received> matcher = new UntaggedLines<>(view(), bindings);
        boolean onlyNot = lines.stream().noneMatch(l -> l.presence() == Presence.MUST);
        boolean wantsClose = group.expectations().stream().anyMatch(Expectation.Closed.class::isInstance);
        while (session.closedWhy().isEmpty()) {
            boolean satisfied = !onlyNot && !wantsClose && matcher.mustsSatisfiable(lines, session.idleCandidates(), group.ordered());
            if (satisfied || !session.pumpUntil(deadline)) {
                break;
            }
        }
        List<ImapArrivals.Received> candidates = session.idleCandidates();
        failOnProblems(group, "(idling)", candidates);
        try {
            matcher.evaluate(lines, candidates, group.ordered(), group.strict(), session.name(), "(idling)",
                    claimed -> arrivalsText(candidates, claimed), group.line());
        } catch (StepFailure f) {
            throw session.closedWhy().isEmpty() && nothingOfItsKind(lines, f.line(), candidates) ? f.asSilence() : f;
        }
        for (Expectation e : group.expectations()) {
            if (e instanceof Expectation.Closed closed && session.closedWhy().isEmpty()) {
                throw new StepFailure(closed.line(), session.name(), "(idling)", "the server closes the connection",
                        "still open" + arrivals(candidates, List.of()));
            }
        }
        session.finishIdleGroup(candidates);
    }

    private void connectionGroup(Statement.Expect group, Instant deadline, Duration wait) {
        for (Expectation e : group.expectations()) {
            if (e instanceof Expectation.Greeting g) {
                ImapResponse greeting = session.greeting().orElseThrow();
                if (!(greeting instanceof ImapResponse.Condition c)) {
                    throw new StepFailure(g.line(), session.name(), "", "greeting " + PatternText.render(g.pattern()),
                            ImapData.describe(greeting));
                }
                List<Datum> data = ImapData.untagged(c);
                Bindings t = bindings.tentative();
                if (!new PatternMatcher(session.refsNow(), true).matches(g.pattern(), data, t)) {
                    throw new StepFailure(g.line(), session.name(), "", "greeting " + PatternText.render(g.pattern()),
                            ImapData.describe(greeting));
                }
                bindings.commit(t);
            } else if (e instanceof Expectation.Closed closed) {
                session.await(() -> false, deadline); // wait for the server to close
                if (session.closedWhy().isEmpty()) {
                    throw new StepFailure(closed.line(), session.name(), "", "the server closes the connection",
                            "still open after " + seconds(wait));
                }
            }
        }
        failOnProblems(group, "", List.of());
    }

    private List<ImapArrivals.Received> untaggedLines(Statement.Expect group,
                                                           List<ImapArrivals.Received> candidates, String sent) {
        return new UntaggedLines<>(view(), bindings).evaluate(lines(group), candidates, group.ordered(), group.strict(),
                session.name(), sent, claimed -> arrivalsText(candidates, claimed), group.line());
    }

    private void checkContinuation(Expectation.Continuation cont, ImapArrivals.Command cmd,
                                   List<ImapArrivals.Received> candidates, List<ImapArrivals.Received> claimed) {
        List<String> got = cmd.continuations();
        boolean matched = matchingContinuation(cont, cmd);
        String shown = "+" + cont.text().map(p -> " " + PatternText.render(p)).orElse("");
        if (cont.presence() == Presence.MUST && !matched) {
            throw new StepFailure(cont.line(), session.name(), cmd.text(), shown,
                    (got.isEmpty() ? "no continuation request" : "continuations: " + got) + arrivals(candidates, claimed));
        }
        if (cont.presence() == Presence.MUST_NOT && matched) {
            throw new StepFailure(cont.line(), session.name(), cmd.text(), "not " + shown,
                    "continuation request " + got + " arrived" + (cmd.completion().isEmpty() ? " (and no tagged response yet)" : "")
                            + arrivals(candidates, claimed));
        }
    }

    private void checkStatus(Expectation.Status status, ImapArrivals.Command cmd,
                             List<ImapArrivals.Received> candidates, List<ImapArrivals.Received> claimed) {
        ImapResponse.Tagged t = cmd.completion().orElseThrow();
        boolean wordOk = status.accepted().stream().map(StatusWord::wire).anyMatch(w -> w.equals(t.status().name()));
        boolean textOk = true;
        if (wordOk && status.text().isPresent()) {
            Bindings tentative = bindings.tentative();
            textOk = new PatternMatcher(session.refsNow(), true).matches(status.text().get(), ImapData.statusText(t), tentative);
            if (textOk) {
                bindings.commit(tentative);
            }
        }
        if (!wordOk || !textOk) {
            throw new StepFailure(status.line(), session.name(), cmd.text(), describeStatus(status),
                    ImapData.describe(t) + arrivals(candidates, claimed));
        }
    }

    private String describeStatus(Expectation.Status status) {
        return status.accepted().stream().map(StatusWord::wire).sorted().collect(Collectors.joining("|"))
                + status.text().map(p -> " " + PatternText.renderResolved(p, session.refsNow())).orElse("");
    }

    private void failOnProblems(Statement.Expect group, String sent, List<ImapArrivals.Received> candidates) {
        List<String> problems = session.takeProblems();
        if (!problems.isEmpty()) {
            throw new StepFailure(group.line(), session.name(), sent, "responses that answer commands in flight and agree with " + session.name() + "'s view",
                    String.join("\n", problems) + arrivals(candidates, List.of()));
        }
    }

    private List<UntaggedLines.Line> lines(Statement.Expect group) {
        List<UntaggedLines.Line> out = new ArrayList<>();
        for (Expectation e : group.expectations()) {
            if (e instanceof Expectation.Untagged u) {
                String prefix = switch (u.presence()) {
                    case MUST -> "* ";
                    case MAY -> "may * ";
                    case MUST_NOT -> "* ";
                };
                out.add(new UntaggedLines.Line(u.line(), u.presence(), u.pattern(), prefix));
            }
        }
        return out;
    }

    private UntaggedLines.View<ImapArrivals.Received> view() {
        return new UntaggedLines.View<>() {
            @Override
            public List<Datum> data(ImapArrivals.Received r) {
                return r.response() instanceof ImapResponse.Untagged u ? ImapData.untagged(u) : List.of(MALFORMED);
            }

            @Override
            public RefResolver refs(ImapArrivals.Received r) {
                return session.refsAt(r.uidsBefore());
            }

            @Override
            public String describe(ImapArrivals.Received r) {
                return ImapData.describe(r.response());
            }

            @Override
            public RefResolver currentRefs() {
                return session.refsNow();
            }
        };
    }

    /** Never matched by any pattern: stands for a malformed reply among the candidates. */
    private static final Datum MALFORMED = new Datum.Code(List.of());

    /**
     * Whether the failing line waited for a kind of response (its keyword: FETCH, EXISTS, EXPUNGE ...)
     * of which nothing at all arrived: the push did not come, as opposed to one that came wrong.
     */
    private static boolean nothingOfItsKind(List<UntaggedLines.Line> lines, int failedLine,
                                            List<ImapArrivals.Received> candidates) {
        Optional<String> keyword = lines.stream().filter(l -> l.line() == failedLine && l.presence() == Presence.MUST)
                .findFirst().flatMap(l -> l.patterns().stream().filter(Pattern.Atom.class::isInstance)
                        .map(p -> ((Pattern.Atom) p).text()).findFirst());
        return keyword.isPresent() && candidates.stream().noneMatch(r -> r.response() instanceof ImapResponse.Untagged u
                && u.keyword().equalsIgnoreCase(keyword.get()));
    }

    private static String arrivals(List<ImapArrivals.Received> candidates, List<ImapArrivals.Received> claimed) {
        return candidates.isEmpty() ? "" : "\n" + arrivalsText(candidates, claimed);
    }

    private static String arrivalsText(List<ImapArrivals.Received> candidates, List<ImapArrivals.Received> claimed) {
        if (candidates.isEmpty()) {
            return "no untagged responses arrived";
        }
        StringBuilder sb = new StringBuilder("arrived:");
        for (ImapArrivals.Received r : candidates) {
            sb.append("\n  ").append(ImapData.describe(r.response()))
                    .append(claimed.contains(r) ? "   (claimed)" : "   (unclaimed)");
        }
        return sb.toString();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
