package io.maildrill.script.parse;

import io.maildrill.script.ast.BuiltInVariables;
import io.maildrill.script.ast.CommandPart;
import io.maildrill.script.ast.Comparison;
import io.maildrill.script.ast.ExpectTarget;
import io.maildrill.script.ast.Expectation;
import io.maildrill.script.ast.Metadata;
import io.maildrill.script.ast.Operand;
import io.maildrill.script.ast.Protocol;
import io.maildrill.script.ast.Script;
import io.maildrill.script.ast.SessionDecl;
import io.maildrill.script.ast.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Parses a maildrill script (syntax: {@code docs/scripts.md}) into an immutable {@link Script}.
 * All problems in the file are collected and thrown together; nothing is executed or connected.
 * Instances are cheap and not thread-safe; use one per parse.
 */
public final class ScriptParser {
    private static final java.util.regex.Pattern SESSION_LINE =
            java.util.regex.Pattern.compile("([A-Z][A-Za-z0-9]*)(?:/([A-Za-z0-9][A-Za-z0-9.\\-]*))?(>>|\\+>|>|<|:)(.*)");
    private static final Set<String> BUILT_IN_VARIABLES = BuiltInVariables.NAMES;

    private String sourceName;
    private Problems problems;
    private HeaderReader header;
    private boolean headerDone;
    private final Map<String, SessionState> sessions = new LinkedHashMap<>();
    private final List<SessionDecl> declarations = new ArrayList<>();
    private final List<Statement> statements = new ArrayList<>();
    private final Set<String> boundVariables = new HashSet<>(BUILT_IN_VARIABLES);
    private GroupBuilder open;
    private int currentLine;

    /** Parses a script file (UTF-8); the file name is used as the source name in problems. */
    public static Script parse(Path file) throws IOException, ScriptParseException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses script text; {@code sourceName} labels problems ({@code sourceName:line:column: message}). */
    public static Script parse(String sourceName, String text) throws ScriptParseException {
        return new ScriptParser().run(sourceName, text);
    }

    private Script run(String name, String text) throws ScriptParseException {
        this.sourceName = name;
        this.problems = new Problems(name);
        this.header = new HeaderReader(problems);
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            currentLine = i + 1;
            String line = stripTrailing(lines[i]);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int indent = line.indexOf(trimmed.charAt(0));
            try {
                readLine(trimmed, indent);
            } catch (SyntaxError e) {
                problems.add(currentLine, e.column(), e.getMessage());
            }
        }
        closeGroup();
        Metadata metadata = header.build();
        finish(metadata);
        if (!problems.isEmpty()) {
            throw new ScriptParseException(problems.sorted());
        }
        return new Script(sourceName, metadata, declarations, statements);
    }

    private void readLine(String text, int indent) {
        if (text.startsWith("@")) {
            if (headerDone) {
                problems.add(currentLine, indent + 1, "header line after the first session or statement (expected all @ lines at the top)");
                return;
            }
            header.read(currentLine, text);
            return;
        }
        headerDone = true;
        LineCursor in = new LineCursor(text, indent);
        Matcher m = SESSION_LINE.matcher(text);
        if (m.matches()) {
            sessionLine(m, indent);
            return;
        }
        String keyword = in.word();
        switch (keyword) {
            case "session" -> declare(in);
            case "sleep" -> {
                closeGroup();
                in.skipSpaces();
                int at = in.column();
                String d = in.word();
                // up to 60s, longer only in an @long script (checked once the header is known, in finish)
                Duration duration = Durations.parse(d, HeaderReader.MAX_LONG_RUN, new LineCursor(d, at - 1));
                requireEnd(in);
                statements.add(new Statement.Sleep(currentLine, duration));
            }
            case "set" -> setVariable(in);
            case "check" -> check(in);
            case "converge" -> converge(in);
            default -> throw new SyntaxError(indent + 1, "expected a statement (session, A> command, A>> \"raw\", A< expectation, "
                    + "A: action, sleep, set, check, converge) or a # comment, found '" + keyword + "'");
        }
    }

    private void declare(LineCursor in) {
        closeGroup();
        SessionDecl decl = SessionDeclReader.read(currentLine, in);
        if (sessions.containsKey(decl.name())) {
            throw new SyntaxError(1, "session " + decl.name() + " is already declared at line " + sessions.get(decl.name()).decl.line());
        }
        sessions.put(decl.name(), new SessionState(decl));
        declarations.add(decl);
    }

    private void sessionLine(Matcher m, int indent) {
        String name = m.group(1);
        Optional<String> tag = Optional.ofNullable(m.group(2));
        String op = m.group(3);
        int restColumn = indent + m.start(4);
        SessionState session = sessions.get(name);
        if (session == null) {
            closeGroup();
            throw new SyntaxError(indent + 1, "unknown session " + name + " (expected a 'session " + name + " imap|pop3 account=N' line before its first use)");
        }
        if (tag.isPresent() && session.decl.protocol() != Protocol.IMAP && op.equals(">")) {
            closeGroup();
            throw new SyntaxError(indent + name.length() + 2, "explicit tags are IMAP only; POP3 commands are untagged (write "
                    + name + "> ...; a handle like " + name + "/r1>> only goes with raw sends)");
        }
        LineCursor rest = new LineCursor(m.group(4), restColumn);
        if (op.equals("<")) {
            expectation(session, tag, rest);
            return;
        }
        closeGroup();
        if (tag.isPresent() && op.equals(":")) {
            throw new SyntaxError(indent + 1, "a tag only goes with '>', '>>' and '<', e.g. " + name + "/t1> NOOP");
        }
        switch (op) {
            case ">" -> send(session, tag, rest);
            case "+>" -> answer(session, tag, rest, indent);
            case ">>" -> {
                if (session.idling()) {
                    throw new SyntaxError(indent + 1, name + " is idling since line " + session.idleLine + " (expected '" + name + ": done' first)");
                }
                rest.skipSpaces();
                var bytes = Escapes.readQuoted(rest);
                requireEnd(rest);
                if (tag.isPresent()) {
                    if (session.pending.stream().anyMatch(p -> p.tag().equals(tag))) {
                        throw new SyntaxError(indent + 1, "tag " + tag.get() + " is still awaiting its status in " + name + " (expected a new tag)");
                    }
                    if (session.decl.protocol() == Protocol.IMAP && !bytes.latin1().startsWith(tag.get() + " ")) {
                        throw new SyntaxError(restColumn + 2, "raw IMAP octets for " + name + "/" + tag.get()
                                + ">> must start with the tag (expected \"" + tag.get() + " ...\")");
                    }
                    session.pending.add(new SessionState.Pending(currentLine, tag));
                }
                statements.add(new Statement.SendRaw(currentLine, name, tag, bytes));
            }
            default -> action(session, rest);
        }
    }

    /** {@code A+> TEXT}: answers the continuation request of A's command awaiting its status (IMAP). */
    private void answer(SessionState session, Optional<String> tag, LineCursor rest, int indent) {
        String name = session.decl.name();
        if (session.decl.protocol() != Protocol.IMAP) {
            throw new SyntaxError(indent + 1, "'" + name + "+>' answers an IMAP continuation request; in POP3 the SASL "
                    + "response is a line of its own (write " + name + "> ... and expect its reply)");
        }
        if (tag.isPresent()) {
            throw new SyntaxError(indent + 1, "'+>' takes no tag: the answer goes to the command whose '+' was just expected");
        }
        if (!session.answerable) {
            throw new SyntaxError(indent + 1, "nothing of " + name + " awaits an answer (expected a group ending with '"
                    + name + "< +' for a command of " + name + " just before)");
        }
        if (!rest.peekIs(' ')) {
            throw rest.error("expected a space after '+>', " + rest.found());
        }
        rest.next();
        var parts = new CommandLineReader(rest, refs(), this::useVariable).read();
        if (parts.stream().anyMatch(p -> !(p instanceof CommandPart.Text || p instanceof CommandPart.Variable
                || p instanceof CommandPart.MessageRef))) {
            throw new SyntaxError(indent + 1, "an answer to a continuation is one line: text, $variables and #k only (no literals or {mailbox(...)})");
        }
        session.answerable = false;
        statements.add(new Statement.Answer(currentLine, name, parts));
    }

    private void send(SessionState session, Optional<String> tag, LineCursor rest) {
        String name = session.decl.name();
        if (!rest.peekIs(' ')) {
            throw rest.error("expected a space after '>', " + rest.found());
        }
        rest.next();
        if (session.idling()) {
            throw new SyntaxError(1, name + " is idling since line " + session.idleLine + " (expected '" + name + ": done' before its next command)");
        }
        if (tag.isPresent() && tag.get().matches(java.util.regex.Pattern.quote(name) + "\\d+")) {
            throw new SyntaxError(1, "tag " + tag.get() + " looks like an automatic tag of " + name
                    + " (expected a tag that is not " + name + " followed by digits, e.g. p1)");
        }
        if (tag.isPresent() && session.pending.stream().anyMatch(p -> p.tag().equals(tag))) {
            throw new SyntaxError(1, "tag " + tag.get() + " is still awaiting its status in " + name + " (expected a new tag)");
        }
        var parts = new CommandLineReader(rest, refs(), this::useVariable).read();
        session.pending.add(new SessionState.Pending(currentLine, tag));
        statements.add(new Statement.Send(currentLine, name, tag, parts));
    }

    private void action(SessionState session, LineCursor rest) {
        String name = session.decl.name();
        rest.skipSpaces();
        int column = rest.column();
        String verb = rest.word();
        boolean orClosed = verb.equals("handshake") && orClosed(rest);
        if (verb.equals("may")) {
            rest.skipSpaces();
            int at = rest.column();
            String what = rest.word();
            if (!what.equals("close")) {
                throw new SyntaxError(at, "expected 'close' after 'may', found '" + what + "'");
            }
        }
        requireEnd(rest);
        boolean imap = session.decl.protocol() == Protocol.IMAP;
        if (session.idling() && !verb.equals("done") && !verb.equals("abort") && !verb.equals("disconnect")) {
            throw new SyntaxError(column, name + " is idling since line " + session.idleLine + " (expected '" + name + ": done')");
        }
        Statement statement = switch (verb) {
            case "connect" -> new Statement.Connect(currentLine, name);
            case "disconnect", "abort" -> {
                session.forgetConnection();
                yield new Statement.Disconnect(currentLine, name, verb.equals("abort"));
            }
            case "reconnect" -> {
                session.forgetConnection();
                yield new Statement.Reconnect(currentLine, name);
            }
            case "starttls" -> {
                requireCapability(session.decl.protocol(), imap ? "STARTTLS" : "STLS", column, "starttls");
                yield new Statement.StartTls(currentLine, name);
            }
            case "handshake" -> new Statement.TlsHandshake(currentLine, name, orClosed);
            case "login" -> new Statement.Login(currentLine, name);
            case "may" -> new Statement.MayClose(currentLine, name);
            case "select" -> {
                if (!imap) {
                    throw new SyntaxError(column, "'select' is IMAP only; " + name + " is a POP3 session");
                }
                yield new Statement.Select(currentLine, name);
            }
            case "idle" -> {
                if (!imap) {
                    throw new SyntaxError(column, "'idle' is IMAP only; " + name + " is a POP3 session");
                }
                requireCapability(Protocol.IMAP, "IDLE", column, "idle");
                session.idleLine = currentLine;
                session.pending.add(new SessionState.Pending(currentLine, Optional.empty()));
                yield new Statement.IdleStart(currentLine, name);
            }
            case "done" -> {
                if (!session.idling()) {
                    throw new SyntaxError(column, name + " is not idling (expected '" + name + ": idle' before 'done')");
                }
                session.idleLine = 0;
                yield new Statement.IdleDone(currentLine, name);
            }
            default -> throw new SyntaxError(column, "expected an action after '" + name
                    + ":' (connect, disconnect, abort, reconnect, starttls, handshake, handshake or closed, may close, login, select, idle, done), found '" + verb + "'");
        };
        statements.add(statement);
    }

    private void expectation(SessionState session, Optional<String> tag, LineCursor rest) {
        String name = session.decl.name();
        ExpectationLine parsed;
        try {
            parsed = new ExpectationReader(currentLine, rest, session.decl.protocol(), refs()).read();
        } catch (SyntaxError e) {
            forgiveGroupOf(session, tag);
            throw e;
        }
        boolean endsGroup = parsed instanceof ExpectationLine.Of of
                && (of.expectation() instanceof Expectation.Status || of.expectation() instanceof Expectation.Closed);
        if (open != null && (!open.session.equals(name) || !open.tag.equals(tag) || open.terminated() && endsGroup)) {
            closeGroup();
        }
        if (open == null) {
            open = new GroupBuilder(name, tag, currentLine);
        }
        if (parsed instanceof ExpectationLine.Ordered) {
            open.ordered = true;
        } else if (parsed instanceof ExpectationLine.Strict) {
            open.strict = true;
        } else if (parsed instanceof ExpectationLine.Within w) {
            open.within = w.bound();
        } else if (parsed instanceof ExpectationLine.Of of) {
            try {
                add(session, tag, of.expectation());
            } catch (SyntaxError e) {
                if (open != null && open.target == null) {
                    open = null;
                }
                throw e;
            }
        }
    }

    /**
     * After a malformed {@code A<} line, the group it belonged to is not also reported as lacking its status
     * (the bad line may well have been that status): one mistake, one problem.
     */
    private void forgiveGroupOf(SessionState session, Optional<String> tag) {
        String name = session.decl.name();
        if (open != null && open.session.equals(name) && open.tag.equals(tag) && !open.terminated()) {
            open.forgiven = true;
            if (open.target == null) {
                session.awaiting(tag).ifPresent(p -> {
                    session.pending.remove(p);
                    open.target = new ExpectTarget.Command(p.sendLine());
                });
            }
            return;
        }
        closeGroup();
        GroupBuilder g = new GroupBuilder(name, tag, currentLine);
        g.forgiven = true;
        if (session.idling() && tag.isEmpty()) {
            g.target = new ExpectTarget.Idle(session.idleLine);
        } else {
            session.awaiting(tag).ifPresent(p -> {
                session.pending.remove(p);
                g.target = new ExpectTarget.Command(p.sendLine());
            });
        }
        if (g.target != null) {
            open = g;
        }
    }

    private void add(SessionState session, Optional<String> tag, Expectation e) {
        String name = session.decl.name();
        if (open.target instanceof ExpectTarget.Connection && !open.expectations.isEmpty()) {
            closeGroup();
            open = new GroupBuilder(name, tag, currentLine);
        }
        if (open.target == null) {
            open.target = target(session, tag, e);
            if (open.target instanceof ExpectTarget.Command c) {
                for (int i = 0; i < session.pending.size(); i++) {
                    if (session.pending.get(i).sendLine() == c.sendLine()) {
                        open.pendingIndex = i;
                        open.pending = session.pending.remove(i);
                        break;
                    }
                }
            }
        }
        if (open.target instanceof ExpectTarget.Idle && !(e instanceof Expectation.Untagged || e instanceof Expectation.Closed)) {
            throw new SyntaxError(1, name + " is idling: only '* ...' lines may be expected now (expected '" + name + ": done' before the IDLE status)");
        }
        if (e instanceof Expectation.Greeting && !(open.target instanceof ExpectTarget.Connection)) {
            throw new SyntaxError(1, "'greeting' must be its own group (expected it before " + name + "'s first command or after connect)");
        }
        open.expectations.add(e);
        if (e instanceof Expectation.Closed) {
            session.forgetConnection();
        }
        // IMAP puts the tagged status last on the wire, so it ends the group; a POP3 status comes first and
        // its content lines follow, so a POP3 group ends at the next status line or non-expectation line.
        if (open.terminated() && session.decl.protocol() == Protocol.IMAP) {
            closeGroup();
        }
    }

    private ExpectTarget target(SessionState session, Optional<String> tag, Expectation e) {
        String name = session.decl.name();
        if (session.idling() && tag.isEmpty()) {
            return new ExpectTarget.Idle(session.idleLine);
        }
        if (e instanceof Expectation.Greeting) {
            return new ExpectTarget.Connection();
        }
        Optional<SessionState.Pending> awaiting = session.awaiting(tag);
        if (awaiting.isPresent()) {
            return new ExpectTarget.Command(awaiting.get().sendLine());
        }
        if (e instanceof Expectation.Closed) {
            return new ExpectTarget.Connection();
        }
        throw new SyntaxError(1, tag.map(t -> "no command tagged " + t + " awaits responses in " + name
                        + " (expected an earlier '" + name + "/" + t + "> ...' line)")
                .orElse("no command of " + name + " awaits responses (expected an earlier '" + name + "> ...' line)"));
    }

    /** Ends the group being assembled, reporting a command group left without its status. */
    private void closeGroup() {
        GroupBuilder g = open;
        open = null;
        if (g == null) {
            return;
        }
        if (g.target == null) {
            if (g.forgiven) {
                return;
            }
            problems.add(g.firstLine, 0, "ordered/strict/within without any expectation after it (expected an A< line)");
            return;
        }
        if (g.needsTerminator() && !g.terminated() && g.endsAtContinuation() && g.pending != null) {
            // A continuation group: the command goes on (the client answers with A+>, its status comes later).
            SessionState session = sessions.get(g.session);
            session.pending.add(Math.min(g.pendingIndex, session.pending.size()), g.pending);
            session.answerable = true;
            statements.add(g.build());
            return;
        }
        if (g.needsTerminator() && !g.terminated() && !g.forgiven) {
            String statuses = sessions.get(g.session).decl.protocol() == Protocol.IMAP ? "OK, NO, BAD or BYE" : "+OK or -ERR";
            problems.add(g.firstLine, 0, "expectations for the command at line " + ((ExpectTarget.Command) g.target).sendLine()
                    + " end without a status line (expected '" + g.session + "< " + statuses + "' or '" + g.session + "< closed' as the group's last line"
                    + (sessions.get(g.session).decl.protocol() == Protocol.IMAP ? ", or '" + g.session + "< +' to answer a continuation with "
                    + g.session + "+>" : "") + ")");
        }
        statements.add(g.build());
    }

    private void setVariable(LineCursor in) {
        closeGroup();
        in.skipSpaces();
        if (!in.peekIs('$')) {
            throw in.error("expected $name after 'set', " + in.found());
        }
        in.next();
        String name = Names.readIdentifier(in, "a variable name");
        in.skipSpaces();
        if (!in.peekIs('=')) {
            throw in.error("expected '=' after $" + name + ", " + in.found());
        }
        in.next();
        OperandReader operands = operandReader(in);
        List<Operand> parts = new ArrayList<>();
        int column = in.column();
        do {
            parts.add(operands.read());
        } while (operands.more());
        Operand value = parts.size() == 1 ? parts.get(0) : new Operand.Concatenation(parts);
        if (value instanceof Operand.Concatenation c && generatedLength(c) > OperandReader.MAX_GENERATED_OCTETS) {
            throw new SyntaxError(column, "set $" + name + ": the parts make more than "
                    + OperandReader.MAX_GENERATED_OCTETS + " octets");
        }
        boundVariables.add(name);
        statements.add(new Statement.SetVariable(currentLine, name, value));
    }

    private void check(LineCursor in) {
        closeGroup();
        OperandReader operands = operandReader(in);
        List<Comparison.Of> anyOf = new ArrayList<>();
        do {
            Operand left = operands.read();
            in.skipSpaces();
            Comparison comparison = comparison(in);
            Operand right = operands.read();
            anyOf.add(new Comparison.Of(left, comparison, right));
            in.skipSpaces();
        } while (orFollows(in));
        requireEnd(in);
        statements.add(new Statement.Check(currentLine, anyOf));
    }

    private OperandReader operandReader(LineCursor in) {
        return new OperandReader(in, refs(), this::useVariable,
                name -> Optional.ofNullable(sessions.get(name)).map(s -> s.decl.protocol()));
    }

    /** Octets the generated parts of a concatenation make (what the parser can know of it). */
    private static long generatedLength(Operand.Concatenation c) {
        long total = 0;
        for (Operand part : c.parts()) {
            if (part instanceof Operand.Repeat r) {
                total += r.unit().length() * r.times();
            } else if (part instanceof Operand.Enumerate e) {
                total += (e.last() - e.first() + 1) * 20;
            } else if (part instanceof Operand.TextValue t) {
                total += t.value().length();
            }
        }
        return total;
    }

    /** Consumes {@code or} and the spaces after it, when the check goes on with another comparison. */
    private static boolean orFollows(LineCursor in) {
        if (!in.lookingAt("or ")) {
            return false;
        }
        in.skip(3);
        in.skipSpaces();
        return true;
    }

    private static Comparison comparison(LineCursor in) {
        for (String symbol : List.of("==", "!=", "<=", ">=", "<", ">", "in ", "not in ")) {
            if (in.lookingAt(symbol)) {
                in.skip(symbol.length());
                for (Comparison c : Comparison.values()) {
                    if (c.symbol().equals(symbol.trim())) {
                        return c;
                    }
                }
            }
        }
        throw in.error("expected a comparison (==, !=, <, <=, >, >=, in, not in), " + in.found());
    }

    private void converge(LineCursor in) {
        closeGroup();
        List<String> names = new ArrayList<>();
        in.skipSpaces();
        while (!in.atEnd()) {
            int column = in.column();
            String name = in.word();
            SessionState s = sessions.get(name);
            if (s == null) {
                throw new SyntaxError(column, "unknown session '" + name + "' (expected declared IMAP session names)");
            }
            if (s.decl.protocol() != Protocol.IMAP) {
                throw new SyntaxError(column, "converge compares IMAP mailbox views; " + name + " is a POP3 session");
            }
            names.add(name);
            in.skipSpaces();
        }
        if (names.isEmpty()) {
            throw in.error("expected one or more IMAP session names after 'converge'");
        }
        statements.add(new Statement.Converge(currentLine, names));
    }

    private void requireCapability(Protocol protocol, String capability, int column, String what) {
        boolean declared = header.requiredCapabilities().stream()
                .anyMatch(r -> r.protocol() == protocol && r.capabilities().stream().anyMatch(c -> c.equalsIgnoreCase(capability)));
        if (!declared) {
            problems.add(currentLine, column, "'" + what + "' needs '@requires " + protocol.name().toLowerCase(Locale.ROOT) + " "
                    + capability + "' in the header, so servers without it are skipped, not failed");
        }
    }

    private void useVariable(String name, int column) {
        if (!boundVariables.contains(name)) {
            problems.add(currentLine, column, "variable $" + name + " is not bound before this line (expected a capture $"
                    + name + " in an earlier pattern, or 'set $" + name + " = ...')");
        }
    }

    private PatternReader.ReferenceChecks refs() {
        return new PatternReader.ReferenceChecks() {
            @Override
            public void messageRef(int fixtureIndex, int column) {
                var fixture = header.fixture();
                if (fixture.isEmpty()) {
                    problems.add(currentLine, column, "#" + fixtureIndex + " names a fixture message, but the script has no @fixture");
                } else if (fixtureIndex < 1 || fixtureIndex > fixture.get().messageCount()) {
                    problems.add(currentLine, column, "#" + fixtureIndex + " is outside the fixture (expected 1.."
                            + fixture.get().messageCount() + ", from @fixture messages=" + fixture.get().messageCount() + ")");
                }
            }

            @Override
            public void capture(String name) {
                boundVariables.add(name);
            }
        };
    }

    /** Longest sleep outside an {@code @long} script: waits belong in {@code within}, not in pauses. */
    private static final Duration MAX_SLEEP = Duration.ofSeconds(60);

    private void finish(Metadata metadata) {
        Duration allowed = metadata.longRun().filter(l -> l.compareTo(MAX_SLEEP) > 0).orElse(MAX_SLEEP);
        for (Statement s : statements) {
            if (s instanceof Statement.Sleep sleep && sleep.duration().compareTo(allowed) > 0) {
                problems.add(sleep.line(), 0, "sleep " + sleep.duration().toSeconds() + "s is longer than "
                        + (metadata.longRun().isPresent() ? "the script's @long (" + allowed.toSeconds() + "s)"
                        : "60s (expected at most 60s, or an @long header for a long check)"));
            }
        }
        for (SessionState s : sessions.values()) {
            for (SessionState.Pending p : s.pending) {
                problems.add(p.sendLine(), 0, "command of " + s.decl.name() + " never gets a status expectation (expected a later '"
                        + s.decl.name() + p.tag().map(t -> "/" + t).orElse("") + "< ...' group ending in its status)");
            }
            if (s.idling()) {
                problems.add(s.idleLine, 0, s.decl.name() + " is still idling at the end (expected '" + s.decl.name() + ": done')");
            }
            if (!metadata.protocols().isEmpty() && !metadata.protocols().contains(s.decl.protocol())) {
                problems.add(s.decl.line(), 0, "session " + s.decl.name() + " is " + s.decl.protocol().name().toLowerCase(Locale.ROOT)
                        + " but @protocols does not list it");
            }
        }
        for (Protocol p : metadata.protocols()) {
            if (sessions.values().stream().noneMatch(s -> s.decl.protocol() == p)) {
                problems.add(metadata.line(), 0, "@protocols lists " + p.name().toLowerCase(Locale.ROOT) + " but no such session is declared");
            }
        }
    }

    /** The optional {@code or closed} after {@code handshake}; anything else is left for {@link #requireEnd}. */
    private static boolean orClosed(LineCursor in) {
        in.skipSpaces();
        if (in.atEnd()) {
            return false;
        }
        int column = in.column();
        String or = in.word();
        in.skipSpaces();
        String closed = in.word();
        if (!or.equals("or") || !closed.equals("closed")) {
            throw new SyntaxError(column, "expected end of line or 'or closed' after 'handshake', found '"
                    + (or + " " + closed).trim() + "'");
        }
        return true;
    }

    private static void requireEnd(LineCursor in) {
        in.skipSpaces();
        if (!in.atEnd()) {
            throw in.error("expected end of line, " + in.found());
        }
    }

    private static String stripTrailing(String line) {
        return line.stripTrailing();
    }
}
