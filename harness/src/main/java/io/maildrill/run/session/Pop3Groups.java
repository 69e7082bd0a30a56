package io.maildrill.run.session;

import io.maildrill.net.MalformedReply;
import io.maildrill.net.ResponseTimeoutException;
import io.maildrill.pop3.Pop3Deviation;
import io.maildrill.pop3.Pop3Reply;
import io.maildrill.pop3.Pop3Response;
import io.maildrill.pop3.Pop3Status;
import io.maildrill.run.match.Bindings;
import io.maildrill.run.match.Datum;
import io.maildrill.run.match.PatternMatcher;
import io.maildrill.run.match.PatternText;
import io.maildrill.run.match.RefResolver;
import io.maildrill.run.match.Value;
import io.maildrill.run.match.Words;
import io.maildrill.script.ast.ExpectTarget;
import io.maildrill.script.ast.Expectation;
import io.maildrill.script.ast.Statement;
import io.maildrill.script.ast.StatusWord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Evaluates POP3 expectation groups: the status line (word, code and text), content lines
 * ({@code line}, {@code lines N}, {@code content $x}), the greeting and the close.
 */
public final class Pop3Groups {

    /** One content line with its position, so equal lines stay distinct candidates. */
    record ContentLine(int number, String text) {
    }

    private final Pop3ScriptSession session;
    private final Bindings bindings;

    public Pop3Groups(Pop3ScriptSession session, Bindings bindings) {
        this.session = session;
        this.bindings = bindings;
    }

    /** Evaluates the group; true when the server closed the connection instead of answering and the status line accepts that. */
    public boolean evaluate(Statement.Expect group, Duration defaultWait) {
        Duration wait = group.within().orElse(defaultWait);
        Instant deadline = Instant.now().plus(wait);
        if (group.target() instanceof ExpectTarget.Command c) {
            return commandGroup(group, c.sendLine(), deadline, wait);
        }
        connectionGroup(group, deadline, wait);
        return false;
    }

    private boolean commandGroup(Statement.Expect group, int sendLine, Instant deadline, Duration wait) {
        Pop3ScriptSession.Sent sent = session.commandFor(sendLine).orElseThrow(() -> new StepFailure(group.line(),
                session.name(), "", "a command awaiting this group", "no command of " + session.name() + " awaits a reply"));
        failOnStray(group, sent);
        boolean wantsClose = group.expectations().stream().anyMatch(Expectation.Closed.class::isInstance);
        int statusLine = group.status().map(Expectation::line).orElse(group.line());
        Pop3Reply reply;
        try {
            long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            reply = sent.reply().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StepFailure(statusLine, session.name(), sent.text(), expectedStatus(group),
                    "no response to " + sent.text() + " within " + seconds(wait));
        } catch (ExecutionException e) {
            session.forget(sent);
            if (wantsClose && group.status().isEmpty()) {
                return false;
            }
            if (!(e.getCause() instanceof ResponseTimeoutException)
                    && group.status().map(Expectation.Status::acceptsClose).orElse(false)) {
                return true;
            }
            String why = e.getCause() instanceof ResponseTimeoutException ? e.getCause().getMessage()
                    : "connection closed by server";
            throw new StepFailure(statusLine, session.name(), sent.text(), expectedStatus(group), why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure(statusLine, session.name(), sent.text(), expectedStatus(group), "interrupted");
        }
        if (!(reply instanceof Pop3Response response)) {
            throw new StepFailure(statusLine, session.name(), sent.text(), expectedStatus(group),
                    "malformed reply: " + reply.describe());
        }
        if (!response.deviations().isEmpty()) {
            // The decoder frames such a reply anyway; reporting it is what keeps POP3 as strict as
            // IMAP, whose decoder makes the same line a malformed response.
            throw new StepFailure(statusLine, session.name(), sent.text(), "every line ending in CRLF (RFC 1939 §3)",
                    lineEnds(response.deviations()) + " in the reply: \"" + quotedStart(response.raw()) + "\"");
        }
        for (Expectation e : group.expectations()) {
            if (e instanceof Expectation.Status s) {
                checkStatus(s, response, sent.text());
            }
        }
        contentLines(group, response, sent.text());
        for (Expectation e : group.expectations()) {
            if (e instanceof Expectation.LineCount n && response.contentLines().size() != n.count()) {
                throw new StepFailure(n.line(), session.name(), sent.text(), "lines " + n.count(),
                        response.contentLines().size() + " content lines\n" + contentText(response));
            } else if (e instanceof Expectation.Content c) {
                bindContent(c, response, sent.text());
            } else if (e instanceof Expectation.Closed closed && !session.awaitClosed(deadline)) {
                throw new StepFailure(closed.line(), session.name(), sent.text(), "the server closes the connection",
                        "still open " + seconds(wait) + " after " + response.firstLine());
            }
        }
        // Checked again now: a server that answers one command with two status lines (GreenMail's RSET) has
        // its extra line taken as the reply to the next command when that was sent first; the next command's
        // own reply then arrives with no command waiting. Once a group has waited for the close (here or in a
        // following 'A< closed' group), that reply is certainly here, so the defect is reported whichever way
        // the race went.
        failOnStray(group, sent);
        session.finishGroup(sent, reply);
        return false;
    }

    private static String lineEnds(Set<Pop3Deviation> deviations) {
        return deviations.stream().map(d -> d == Pop3Deviation.BARE_LF ? "a line ended by LF alone"
                : "a CR not followed by LF").collect(Collectors.joining(" and "));
    }

    private static String quotedStart(byte[] raw) {
        int shown = Math.min(raw.length, 200);
        return MalformedReply.quote(Arrays.copyOf(raw, shown)) + (raw.length > shown ? "..." : "");
    }

    private void failOnStray(Statement.Expect group, Pop3ScriptSession.Sent sent) {
        failOnStray(group, sent.text());
    }

    private void failOnStray(Statement.Expect group, String sent) {
        List<Pop3Reply> stray = session.takeUnsolicited();
        if (!stray.isEmpty()) {
            throw new StepFailure(group.line(), session.name(), sent, "replies only to commands sent",
                    "status line \"" + Pop3ScriptSession.describe(stray.get(0)) + "\" answers no command in flight");
        }
    }

    private void connectionGroup(Statement.Expect group, Instant deadline, Duration wait) {
        for (Expectation e : group.expectations()) {
            if (e instanceof Expectation.Greeting g) {
                Pop3Reply greeting = session.greeting().orElseThrow();
                List<Datum> data = greeting instanceof Pop3Response r ? statusData(r, true) : List.of();
                Bindings t = bindings.tentative();
                if (!new PatternMatcher(session.refs(), true).matches(g.pattern(), data, t)) {
                    throw new StepFailure(g.line(), session.name(), "", "greeting " + PatternText.render(g.pattern()),
                            Pop3ScriptSession.describe(greeting));
                }
                bindings.commit(t);
            } else if (e instanceof Expectation.Closed closed && !session.awaitClosed(deadline)) {
                throw new StepFailure(closed.line(), session.name(), "", "the server closes the connection",
                        "still open after " + seconds(wait));
            }
        }
        // After a close everything the server sent has arrived: a reply to no command (e.g. QUIT's own reply,
        // when QUIT took an extra line the server sent for the command before) is reported here at the latest.
        failOnStray(group, "");
    }

    private void checkStatus(Expectation.Status s, Pop3Response response, String sent) {
        StatusWord word = switch (response.status()) {
            case OK -> StatusWord.PLUS_OK;
            case ERR -> StatusWord.MINUS_ERR;
            case CONTINUATION -> StatusWord.PLUS;
        };
        boolean wordOk = s.accepted().contains(word);
        boolean textOk = true;
        if (wordOk && s.text().isPresent()) {
            Bindings t = bindings.tentative();
            textOk = new PatternMatcher(session.refs(), true).matches(s.text().get(), statusData(response, false), t);
            if (textOk) {
                bindings.commit(t);
            }
        }
        if (!wordOk || !textOk) {
            String more = response.isMultiLine() ? " (then " + response.contentLines().size() + " content lines)" : "";
            throw new StepFailure(s.line(), session.name(), sent, describeStatus(s), response.firstLine() + more);
        }
    }

    /** The code and text after the status word; for a greeting pattern, the status word first. */
    private static List<Datum> statusData(Pop3Response r, boolean withWord) {
        List<Datum> out = new ArrayList<>();
        if (withWord) {
            out.add(new Datum.Plain(Words.word(r.status() == Pop3Status.OK ? "+OK" : "-ERR")));
        }
        r.responseCode().ifPresent(c -> out.add(Words.pop3Code(c)));
        out.addAll(Words.split(r.text()));
        return out;
    }

    private void contentLines(Statement.Expect group, Pop3Response response, String sent) {
        List<UntaggedLines.Line> lines = new ArrayList<>();
        for (Expectation e : group.expectations()) {
            if (e instanceof Expectation.ContentLine l) {
                String prefix = switch (l.presence()) {
                    case MUST -> "line ";
                    case MAY -> "may line ";
                    case MUST_NOT -> "line ";
                };
                lines.add(new UntaggedLines.Line(l.line(), l.presence(), l.pattern(), prefix));
            }
        }
        if (lines.isEmpty() && !group.strict()) {
            return;
        }
        List<ContentLine> candidates = new ArrayList<>();
        List<String> texts = response.contentLines();
        for (int i = 0; i < texts.size(); i++) {
            candidates.add(new ContentLine(i + 1, texts.get(i)));
        }
        UntaggedLines.View<ContentLine> view = new UntaggedLines.View<>() {
            @Override
            public List<Datum> data(ContentLine c) {
                return Words.split(c.text());
            }

            @Override
            public RefResolver refs(ContentLine c) {
                return session.refs();
            }

            @Override
            public String describe(ContentLine c) {
                return "content line " + c.number() + ": " + c.text();
            }

            @Override
            public RefResolver currentRefs() {
                return session.refs();
            }
        };
        new UntaggedLines<>(view, bindings).evaluate(lines, candidates, group.ordered(), group.strict(), session.name(),
                sent, claimed -> response.firstLine() + "\n" + contentText(response), group.line());
    }

    private void bindContent(Expectation.Content c, Pop3Response response, String sent) {
        Value content = new Value.Bytes(response.content());
        Optional<Value> bound = bindings.get(c.captureName());
        if (bound.isPresent() && !bound.get().sameAs(content)) {
            throw new StepFailure(c.line(), session.name(), sent, "content $" + c.captureName() + " = " + bound.get(),
                    "content " + content);
        }
        bindings.bind(c.captureName(), content);
    }

    private static String contentText(Pop3Response response) {
        List<String> lines = response.contentLines();
        String shown = lines.stream().limit(30).map(l -> "  " + l).collect(Collectors.joining("\n"));
        return lines.size() > 30 ? shown + "\n  ... (" + lines.size() + " lines)" : shown;
    }

    private static String expectedStatus(Statement.Expect group) {
        return group.status().map(Pop3Groups::describeStatus).orElse("closed");
    }

    private static String describeStatus(Expectation.Status s) {
        return s.accepted().stream().map(StatusWord::wire).sorted().collect(Collectors.joining("|"))
                + s.text().map(p -> " " + PatternText.render(p)).orElse("");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
