package io.maildrill.run;

import io.maildrill.report.model.Failure;
import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.script.parse.ScriptParser;
import io.maildrill.target.EmbeddedGreenMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripts shipped in suites/, run against GreenMail 2.1.13. GreenMail has known deviations, so
 * several of them fail here: these tests pin down that each failure names the right line and says
 * what the server did, precisely. (Against Dovecot they pass; see DovecotShippedScriptsTest.)
 */
class ShippedScriptsGreenMailTest {

    static final Path SCRIPTS = Path.of("..", "suites", "src", "main", "resources", "scripts");
    private static EmbeddedGreenMail greenMail;
    private static ScriptExecutor executor;

    @BeforeAll
    static void start() {
        greenMail = EmbeddedGreenMail.start(2);
        executor = new ScriptExecutor(greenMail.target(), new ExecutorOptions(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() {
        greenMail.close();
    }

    private static ScriptResult run(String id) throws Exception {
        return run(id, Files.readString(SCRIPTS.resolve(id)));
    }

    private static ScriptResult run(String id, String text) throws Exception {
        return executor.execute(id, ScriptParser.parse(id, text), greenMail.target().accounts());
    }

    private static Failure failure(ScriptResult r) {
        assertThat(r.outcome()).as(r.reason().orElse("")).isEqualTo(Outcome.FAILED);
        return r.failure().orElseThrow();
    }

    @Test
    void expungeRenumbersPasses() throws Exception {
        ScriptResult r = run("imap/deletion/expunge-renumbers.script");
        assertThat(r.outcome()).as(r.failure().map(Failure::describe).orElse("")).isEqualTo(Outcome.PASSED);
    }

    /** GreenMail answers RETR of a message marked deleted with +OK (P26). */
    @Test
    void deleOnlyMarksFailsAtRetrOfTheDeletedMessage() throws Exception {
        Failure f = failure(run("pop3/deletion/dele-only-marks.script"));
        assertThat(f.location()).isEqualTo("pop3/deletion/dele-only-marks.script:30");
        assertThat(f.session()).isEqualTo("A");
        assertThat(f.commandSent()).isEqualTo("RETR 2");
        assertThat(f.expected()).isEqualTo("-ERR");
        assertThat(f.actual()).startsWith("+OK").contains("content lines");
    }

    /** GreenMail's STAT after RSET still counts the messages as deleted (P27). */
    @Test
    void rsetUnmarksFailsAtStatAfterRset() throws Exception {
        Failure f = failure(run("pop3/deletion/rset-unmarks.script"));
        assertThat(f.location()).isEqualTo("pop3/deletion/rset-unmarks.script:25");
        assertThat(f.commandSent()).isEqualTo("STAT");
        assertThat(f.expected()).isEqualTo("+OK 4 $octets");
        assertThat(f.actual()).contains("+OK").contains("2 messages");
    }

    /** GreenMail's CAPA does not list TOP, but TOP works: it is tried, and the script runs. */
    @Test
    void topNotAnnouncedIsTriedAndTheScriptRuns() throws Exception {
        ScriptResult r = run("pop3/headers/top-zero-header-only.script");
        assertThat(r.outcome()).as(r.reason().orElse("")).isEqualTo(Outcome.PASSED);
        assertThat(String.join("\n", r.transcripts().get("setup"))).contains("trying TOP 1 0");
    }

    /** GreenMail renumbers B's messages before telling B of the expunge (I45). */
    @Test
    void noopReportsExpungeFailsWhenBSeesTheNewNumbering() throws Exception {
        Failure f = failure(run("imap/sync/noop-reports-expunge.script"));
        assertThat(f.session()).isEqualTo("B");
        assertThat(f.line()).isEqualTo(40);
        assertThat(f.commandSent()).endsWith("FETCH 3 (UID)");
        assertThat(f.actual()).contains("message 3 was UID").contains("is now reported as UID");
    }

    /** GreenMail's BODY[HEADER] lacks the header's final blank line (I50). */
    @Test
    void peekHeaderFailsAtTheHeaderCheck() throws Exception {
        Failure f = failure(run("imap/headers/peek-header-no-seen.script"));
        assertThat(f.line()).isEqualTo(22);
        assertThat(f.expected()).isEqualTo("check $header == fixture.header(2)");
        assertThat(f.actual()).contains("first difference at octet");
    }
}
