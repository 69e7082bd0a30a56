package io.maildrill.report;

import io.maildrill.report.model.BenchmarkResult;
import io.maildrill.report.model.EnvironmentInfo;
import io.maildrill.report.model.Failure;
import io.maildrill.report.model.Level;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.Protocol;
import io.maildrill.report.model.RunResult;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.report.model.StepOutcome;
import io.maildrill.report.model.StepResult;
import io.maildrill.report.model.TargetDescription;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A run with every outcome and hostile server text (markup, control bytes, URLs), shared by writer tests. */
public final class SampleRuns {

    /** Text a hostile or broken server might send: markup, quotes, ESC, NUL, BEL, DEL, a C1 control. */
    public static final String HOSTILE = "S: * OK <script>alert('x')</script> & \"quoted\" 'single' \u001b[31mred\u0000\u0007\u007f\u0085 http://evil.example/x.js";

    private SampleRuns() {
    }

    public static RunResult all() {
        Instant start = Instant.parse("2025-03-01T10:15:30.250Z");
        List<ScriptResult> scripts = new ArrayList<>();
        scripts.add(script("pop3/deletion/dele-marks-only.script", "DELE only marks; QUIT removes", List.of("P25", "P26", "P29"),
                Level.MUST, List.of(Protocol.POP3), "deletion", Outcome.PASSED, Optional.empty(), Optional.empty()));
        scripts.add(script("pop3/deletion/abort-keeps-messages.script", "Dropped connection deletes nothing", List.of("P31"),
                Level.MUST, List.of(Protocol.POP3), "deletion", Outcome.FAILED, Optional.empty(),
                Optional.of(failure("pop3/deletion/abort-keeps-messages.script", 14, "B", "STAT", "+OK 3 *", "+OK 2 1840", List.of("P31")))));
        scripts.add(script("pop3/locking/second-login-in-use.script", "Second login gets -ERR [IN-USE]", List.of("P14"),
                Level.MUST, List.of(Protocol.POP3), "locking", Outcome.EXPECTED_FAILURE,
                Optional.of("GreenMail does not lock the maildrop (issue #123)"),
                Optional.of(failure("pop3/locking/second-login-in-use.script", 9, "B", "PASS ***", "-ERR *", "+OK logged in", List.of("P14")))));
        scripts.add(script("imap/sync/expunge-seen-by-other.script", "EXPUNGE on A is announced to B on NOOP", List.of("I104", "I105"),
                Level.MUST, List.of(Protocol.IMAP), "synchronisation", Outcome.PASSED, Optional.empty(), Optional.empty()));
        scripts.add(script("imap/sync/idle-exists.script", "IDLE announces new mail", List.of("I120"),
                Level.SHOULD, List.of(Protocol.IMAP), "synchronisation", Outcome.SKIPPED,
                Optional.of("server lacks capability IDLE"), Optional.empty()));
        scripts.add(script("imap/headers/envelope-no-seen.script", "ENVELOPE and BODY.PEEK do not set \\Seen", List.of("I60", "I61"),
                Level.MUST, List.of(Protocol.IMAP), "headers-only fetch", Outcome.FIXED,
                Optional.of("was: BODY.PEEK set \\Seen"), Optional.empty()));
        scripts.add(script("imap/errors/bad-tag.script", "Malformed tag gets BAD", List.of("I5"),
                Level.ROBUST, List.of(Protocol.IMAP), "errors", Outcome.ERROR,
                Optional.of("connection reset by peer after 2 s"), Optional.empty()));
        scripts.add(script("cross/pop3-dele-visible-in-imap.script", "POP3 deletion is seen by IMAP", List.of("P29", "I104"),
                Level.INTEROP, List.of(Protocol.POP3, Protocol.IMAP), "cross-protocol", Outcome.FAILED, Optional.empty(),
                Optional.of(failure("cross/pop3-dele-visible-in-imap.script", 22, "I", "a3 NOOP", "* 1 EXPUNGE", HOSTILE, List.of("I104")))));
        return new RunResult("run-20250301-101530", "0.1.0-SNAPSHOT", start, start.plusMillis(4_321),
                new TargetDescription("GreenMail 2.1.13 (embedded)", List.of("pop3://127.0.0.1:3110", "imap://127.0.0.1:3143")),
                scripts, new EnvironmentInfo("17.0.15 (Debian)", "Linux 6.1 (amd64)", 2, "ci-runner-1"));
    }

    private static ScriptResult script(String id, String title, List<String> catalog, Level level, List<Protocol> protocols,
                                       String promise, Outcome outcome, Optional<String> reason, Optional<Failure> failure) {
        StepOutcome last = switch (outcome) {
            case FAILED, EXPECTED_FAILURE -> StepOutcome.FAILED;
            case ERROR -> StepOutcome.ERROR;
            case SKIPPED -> StepOutcome.SKIPPED;
            case PASSED, FIXED -> StepOutcome.PASSED;
        };
        List<StepResult> steps = outcome == Outcome.SKIPPED ? List.of() : List.of(
                new StepResult(3, "A", protocols.get(0) == Protocol.POP3 ? "USER alice" : "a1 LOGIN alice ***", StepOutcome.PASSED, Duration.ofMillis(4), ""),
                new StepResult(5, "A", protocols.get(0) == Protocol.POP3 ? "STAT" : "a2 SELECT INBOX", StepOutcome.PASSED, Duration.ofMillis(3), ""),
                new StepResult(failure.map(Failure::line).orElse(7), failure.map(Failure::session).orElse("A"),
                        failure.map(Failure::commandSent).orElse("QUIT"), last, Duration.ofMillis(12),
                        failure.map(Failure::summary).orElse(reason.orElse(""))));
        Map<String, List<String>> transcripts = new LinkedHashMap<>();
        if (outcome != Outcome.SKIPPED) {
            transcripts.put("A", List.of("S: +OK GreenMail ready <1.2@localhost>", "C: USER alice", "S: +OK", "C: PASS ***", "S: +OK"));
        }
        if (outcome == Outcome.FAILED) {
            transcripts.put("B", List.of("C: STAT", HOSTILE, "S: +OK 2 1840"));
        }
        return new ScriptResult(id, title, catalog, level, protocols, promise, outcome, reason,
                Duration.ofMillis(40 + id.length() * 7L), steps, failure, transcripts);
    }

    private static Failure failure(String path, int line, String session, String sent, String expected, String actual,
                                   List<String> catalog) {
        return new Failure(path, line, session, sent, expected, actual,
                List.of("C: " + sent, "S: " + actual.replace("\n", " "), HOSTILE), catalog);
    }

    /** Throughput of two clients on three workloads and four mailbox sizes. */
    public static List<BenchmarkResult> benchmarks() {
        List<BenchmarkResult> results = new ArrayList<>();
        String[] workloads = {"POP3 RETR all", "IMAP FETCH ENVELOPE 1:*", "IMAP BODY.PEEK[HEADER]"};
        int[] sizes = {1_000, 10_000, 100_000, 1_000_000};
        for (int w = 0; w < workloads.length; w++) {
            for (String client : List.of("maildrill", "Jakarta Mail")) {
                for (int size : sizes) {
                    double base = (client.equals("maildrill") ? 52_000 : 31_000) / (1 + w * 0.4);
                    double score = base / (1 + Math.log10(size) * 0.08);
                    results.add(new BenchmarkResult("io.maildrill.bench.FetchBenchmark.w" + w, workloads[w],
                            Map.of(BenchmarkResult.CLIENT_PARAM, client, BenchmarkResult.MAILBOX_SIZE_PARAM, Integer.toString(size)),
                            "thrpt", score, score * 0.03, "msgs/s", Map.of("bytes/s", score * 2_400),
                            Map.of("p0.50", 0.8, "p0.99", 2.5)));
                }
            }
        }
        return results;
    }

    /** Requirement text for a few catalog IDs, as the catalog would supply it. */
    public static Map<String, String> catalogText() {
        return Map.of("P25", "DELE n only marks the message; nothing is removed before UPDATE.",
                "P31", "A session ending without QUIT enters no UPDATE <not even on RST>.",
                "I104", "EXPUNGE on one session is announced to the others.");
    }
}
