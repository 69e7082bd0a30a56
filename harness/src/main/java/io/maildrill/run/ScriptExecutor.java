package io.maildrill.run;

import io.maildrill.corpus.Corpus;
import io.maildrill.corpus.CorpusFixture;
import io.maildrill.corpus.FixtureSyntaxException;
import io.maildrill.report.model.Failure;
import io.maildrill.report.model.Level;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.report.model.StepOutcome;
import io.maildrill.report.model.StepResult;
import io.maildrill.run.match.Bindings;
import io.maildrill.run.session.FixtureState;
import io.maildrill.run.session.ImapScriptSession;
import io.maildrill.run.session.Pop3ScriptSession;
import io.maildrill.run.session.ScriptSession;
import io.maildrill.run.session.SessionEnv;
import io.maildrill.run.session.SetupError;
import io.maildrill.run.session.StepFailure;
import io.maildrill.script.ast.Fixture;
import io.maildrill.script.ast.Metadata;
import io.maildrill.script.ast.Protocol;
import io.maildrill.script.ast.Script;
import io.maildrill.script.ast.SessionDecl;
import io.maildrill.script.ast.Statement;
import io.maildrill.target.Account;
import io.maildrill.target.Target;
import io.maildrill.transcript.CredentialRedactor;
import io.maildrill.transcript.SecretMask;
import io.maildrill.transcript.Transcript;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Runs one parsed conformance script against a real server and says what happened
 * (docs/scripts.md is the specification it implements).
 *
 * <p>Order of work: check the leased accounts cover the script's sessions; gate {@code @requires}
 * (SKIPPED when a capability is missing); load the fixture into every account the script uses;
 * run the statements in file order, connecting sessions lazily; close every session and delete
 * any mailbox the fixture loader created — also after a failure. The first failing step ends the
 * script as FAILED, with later statements reported as not run. Connection problems and setup
 * problems make it ERROR. Server misbehaviour never escapes as an exception.
 *
 * <p>One executor may run many scripts one after the other, or concurrently from several threads
 * (each call keeps its state to itself) when the caller leases distinct accounts per call.
 */
public final class ScriptExecutor {

    private static final int FAILURE_TRANSCRIPT_LINES = 20;

    private final Target target;
    private final ExecutorOptions options;
    private final CapabilityProbe capabilities;
    private final Pop3CommandProbe commandProbe;

    public ScriptExecutor(Target target, ExecutorOptions options) {
        this.target = target;
        this.options = options;
        this.capabilities = new CapabilityProbe(target, options.connectTimeout());
        this.commandProbe = new Pop3CommandProbe(target, options.connectTimeout());
    }

    /**
     * Runs one script. {@code accounts.get(0)} is the script's {@code account=1}, and so on.
     *
     * @param scriptId path relative to the scripts root, e.g. {@code pop3/deletion/dele-only-marks.script}
     */
    public ScriptResult execute(String scriptId, Script script, List<Account> accounts) {
        return new Run(scriptId, script, accounts).execute();
    }

    /** State of one execution. */
    private final class Run {
        private final String scriptId;
        private final Script script;
        private final List<Account> accounts;
        private final Instant started = Instant.now();
        private final Map<String, Transcript> transcripts = new LinkedHashMap<>();
        private final Map<String, ScriptSession> sessions = new LinkedHashMap<>();
        private final Map<Integer, FixtureState> fixtures = new LinkedHashMap<>();
        private final Map<Integer, List<String>> createdMailboxes = new LinkedHashMap<>();
        private final List<StepResult> steps = new ArrayList<>();
        private final Bindings bindings = new Bindings();
        private final FixtureLoader loader = new FixtureLoader(target, options.connectTimeout());
        private String lastSession = "setup";

        Run(String scriptId, Script script, List<Account> accounts) {
            this.scriptId = scriptId;
            this.script = script;
            this.accounts = List.copyOf(accounts);
        }

        ScriptResult execute() {
            ScriptResult result;
            try {
                result = runChecked();
            } catch (SetupError e) {
                result = error(e.getMessage());
            } catch (StepFailure f) {
                result = result(Outcome.FAILED, Optional.empty(), Optional.of(failure(f, "")));
            } catch (RuntimeException e) {
                result = error("harness error: " + e);
            } finally {
                cleanUp();
            }
            // rendered again after the cleanup, so the transcripts end with the LOGOUT and the close;
            // masked last, so that no secret of the run leaves it in any form (a raw send, a server echo)
            return new ScriptResult(result.scriptId(), result.title(), result.catalogIds(), result.level(),
                    result.protocols(), result.promise(), result.outcome(), result.reason(), since(started),
                    result.steps(), result.failure(), renderedTranscripts()).redacted(secrets());
        }

        private ScriptResult runChecked() {
            Metadata md = script.metadata();
            TreeSet<Integer> used = new TreeSet<>();
            script.sessions().forEach(s -> used.add(s.account()));
            if (!used.isEmpty() && used.last() > accounts.size()) {
                return error("the script uses account=" + used.last() + " but only " + accounts.size()
                        + " account(s) were leased for it");
            }
            if (md.longRun().isPresent() && !options.longChecks()) {
                return result(Outcome.SKIPPED, Optional.of("long check (about " + md.longRun().get().toMinutes()
                        + " min of waiting): run with --long"), Optional.empty());
            }
            Transcript setup = transcript("setup");
            if (!used.isEmpty()) {
                Optional<String> missing = capabilities.missing(md, accounts.get(used.first() - 1));
                if (missing.isPresent()) {
                    return result(Outcome.SKIPPED, missing, Optional.empty());
                }
            }
            Optional<Corpus> corpus = md.fixture().map(ScriptExecutor::corpusOf);
            String mailbox = md.fixture().map(Fixture::mailbox).orElse("INBOX");
            boolean pop3Sessions = script.sessions().stream().anyMatch(s -> s.protocol() == Protocol.POP3);
            int fixtureLine = md.fixture().map(Fixture::line).orElse(1);
            for (int account : used) {
                List<String> created = new ArrayList<>();
                createdMailboxes.put(account, created);
                fixtures.put(account, loader.load(accounts.get(account - 1), mailbox, corpus, setup, created,
                        pop3Sessions, fixtureLine));
            }
            Optional<String> refused = probeUnannounced(md, used, corpus.map(Corpus::size).orElse(0), setup);
            if (refused.isPresent()) {
                return result(Outcome.SKIPPED, refused, Optional.empty());
            }
            createSessions(corpus);
            // Fixture values are the generated messages, or as stored when a delivery changed them.
            FixtureState reference = used.isEmpty() ? null : fixtures.get(used.first());
            Operands operands = new Operands(bindings, corpus, sessions,
                    k -> reference == null ? Optional.empty() : reference.stored(k));
            StatementRunner runner = new StatementRunner(sessions, bindings, operands,
                    new Converge(target, options.connectTimeout()), md.timeout().orElse(options.defaultTimeout()),
                    transcript("converge"));
            return runStatements(runner);
        }

        /** Required POP3 commands the server does not announce, tried on the loaded fixture. */
        private Optional<String> probeUnannounced(Metadata md, TreeSet<Integer> used, int messages, Transcript setup) {
            if (used.isEmpty()) {
                return Optional.empty();
            }
            Account account = accounts.get(used.first() - 1);
            for (String capability : capabilities.toProbe(md, account)) {
                Optional<String> refusal = commandProbe.refusal(capability, account, messages, setup);
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
            return Optional.empty();
        }

        private void createSessions(Optional<Corpus> corpus) {
            Duration groupWait = script.metadata().timeout().orElse(options.defaultTimeout());
            for (SessionDecl decl : script.sessions()) {
                Account account = accounts.get(decl.account() - 1);
                SessionEnv env = new SessionEnv(target, account, fixtures.get(decl.account()), corpus, bindings,
                        groupWait, options.connectTimeout(),
                        decl.protocol() == Protocol.IMAP ? capabilities.personalNamespace(account) : "");
                Transcript t = transcript(decl.name());
                sessions.put(decl.name(), decl.protocol() == Protocol.IMAP
                        ? new ImapScriptSession(decl, env, t)
                        : new Pop3ScriptSession(decl, env, t, ScriptScan.usesUid(script, decl.name())));
            }
        }

        private ScriptResult runStatements(StatementRunner runner) {
            List<Statement> statements = script.statements();
            for (int i = 0; i < statements.size(); i++) {
                Statement s = statements.get(i);
                String session = ScriptScan.sessionOf(s).orElse("script");
                if (!session.equals("script")) {
                    lastSession = session;
                }
                Instant t0 = Instant.now();
                try {
                    String command = runner.run(s);
                    steps.add(new StepResult(s.line(), session, command, StepOutcome.PASSED, since(t0), ""));
                } catch (SessionEnded e) {
                    steps.add(new StepResult(s.line(), session, "", StepOutcome.SKIPPED, since(t0), e.getMessage()));
                } catch (StepFailure f) {
                    if (f.silence() && Results.level(script) == Level.MAY) {
                        String why = "optional behaviour not offered (the script is MAY): nothing arrived at line "
                                + f.line() + " while " + f.session() + " waited for " + f.expected();
                        steps.add(new StepResult(s.line(), session, sentText(runner, s, f), StepOutcome.SKIPPED, since(t0), why));
                        notRun(statements.subList(i + 1, statements.size()), "not run: optional behaviour not offered");
                        return result(Outcome.SKIPPED, Optional.of(why), Optional.empty());
                    }
                    Failure failure = failure(f, sentText(runner, s, f));
                    steps.add(new StepResult(s.line(), session, sentText(runner, s, f), StepOutcome.FAILED, since(t0),
                            failure.summary()));
                    notRun(statements.subList(i + 1, statements.size()));
                    return result(Outcome.FAILED, Optional.empty(), Optional.of(failure));
                } catch (SetupError e) {
                    steps.add(new StepResult(s.line(), session, runner.sentFor(s), StepOutcome.ERROR, since(t0), e.getMessage()));
                    notRun(statements.subList(i + 1, statements.size()));
                    return error(e.getMessage() + " (" + scriptId + ":" + s.line() + ")");
                }
            }
            return result(Outcome.PASSED, Optional.empty(), Optional.empty());
        }

        private String sentText(StatementRunner runner, Statement s, StepFailure f) {
            return f.sent().isEmpty() ? runner.sentFor(s) : f.sent();
        }

        private void notRun(List<Statement> rest) {
            notRun(rest, "not run: an earlier step failed");
        }

        private void notRun(List<Statement> rest, String why) {
            for (Statement s : rest) {
                steps.add(new StepResult(s.line(), ScriptScan.sessionOf(s).orElse("script"), "", StepOutcome.SKIPPED,
                        Duration.ZERO, why));
            }
        }

        private Failure failure(StepFailure f, String sent) {
            String session = f.session().equals("script") ? lastSession : f.session();
            Transcript t = transcripts.getOrDefault(session, transcripts.get("setup"));
            List<String> last = t == null ? List.of() : t.lastLines(FAILURE_TRANSCRIPT_LINES);
            return new Failure(scriptId, f.line(), f.session(), sent.isEmpty() ? f.sent() : sent,
                    f.expected(), f.actual(), last, script.metadata().covers());
        }

        private ScriptResult error(String reason) {
            return result(Outcome.ERROR, Optional.of(reason), Optional.empty());
        }

        private ScriptResult result(Outcome outcome, Optional<String> reason, Optional<Failure> failure) {
            Metadata md = script.metadata();
            return new ScriptResult(scriptId, md.title(), md.covers(), Results.level(script), Results.protocols(script),
                    Results.promise(script), outcome, reason, since(started), steps, failure, Map.of());
        }

        /** Every password of the target and of the leased accounts, with its user. */
        private SecretMask secrets() {
            SecretMask mask = new SecretMask();
            target.accounts().forEach(a -> mask.addCredentials(a.user(), a.password()));
            accounts.forEach(a -> mask.addCredentials(a.user(), a.password()));
            return mask;
        }

        private Map<String, List<String>> renderedTranscripts() {
            Map<String, List<String>> rendered = new LinkedHashMap<>();
            transcripts.forEach((name, t) -> {
                List<String> lines = t.render();
                if (!lines.isEmpty()) {
                    rendered.put(name, lines);
                }
            });
            return rendered;
        }

        private Transcript transcript(String name) {
            return transcripts.computeIfAbsent(name, n -> {
                CredentialRedactor redactor = new CredentialRedactor();
                accounts.forEach(a -> redactor.addCredentials(a.user(), a.password()));
                return new Transcript(n, redactor);
            });
        }

        private void cleanUp() {
            for (ScriptSession s : sessions.values()) {
                try {
                    s.close();
                } catch (RuntimeException ignored) {
                    // closing is best effort; every session gets its turn
                }
            }
            createdMailboxes.forEach((account, names) -> names.forEach(name ->
                    loader.deleteMailbox(accounts.get(account - 1), name, transcript("setup"))));
        }
    }

    /** The corpus a {@code @fixture} line stands for (its {@code mailbox=} key belongs to the runner). */
    static Corpus corpusOf(Fixture fixture) {
        try {
            return CorpusFixture.parse(fixture.corpusText()).corpus();
        } catch (FixtureSyntaxException e) {
            throw new SetupError(fixture.line(), "setup", "bad @fixture at line " + fixture.line() + ": " + e.getMessage(), e);
        }
    }

    private static Duration since(Instant t0) {
        Duration d = Duration.between(t0, Instant.now());
        return d.isNegative() ? Duration.ZERO : d;
    }
}
