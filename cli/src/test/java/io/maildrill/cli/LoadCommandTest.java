package io.maildrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.target.EmbeddedGreenMail;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code maildrill load} as a user runs it: reports written, exit codes, mistakes in one line. */
class LoadCommandTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(out, err, args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRunOnTheEmbeddedServerWritesItsReportsAndExitsZero() throws Exception {
        Path reports = dir.resolve("load");
        Result r = run("load", "--clients", "3", "--duration", "2s", "--report-dir", reports.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("load: profile imaptest", "secs", "LOGIN", "p99ms", "total: ", "0 violations");
        assertThat(r.out().lines()).noneMatch(l -> l.length() > 200);
        String json = Files.readString(reports.resolve("load.json"));
        assertThat(json).contains("\"commands\"", "\"violations\" : 0", "\"kind\" : \"FETCH\"", "\"p99\"");
        String junit = Files.readString(reports.resolve("TEST-maildrill.load.xml"));
        assertThat(junit).contains("name=\"exists-never-shrinks\"", "name=\"errors-within-budget\"", "failures=\"0\"")
                .doesNotContain("<failure").as("an IMAP run's report has no POP3 rules").doesNotContain("pop3-");
        assertThat(Files.readString(reports.resolve("load.hlog"))).contains("Tag=LOGIN,", "Tag=FETCH,");
        assertThat(Files.readString(reports.resolve("load.html"))).contains(">PASS<", "data-series=\"FETCH\"",
                "<code>exists-never-shrinks</code>");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("icegreen");
    }

    @Test
    void thePop3ProfileRunsOnTheEmbeddedServerWithItsKindsAndNeedsAPop3Endpoint() throws Exception {
        Result r = run("load", "--profile", "pop3", "--clients", "2", "--duration", "2s", "--test-accounts",
                "--report-dir", dir.resolve("pop3").toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("load: profile pop3", "|  LOGIN   STAT   LIST   UIDL", "POP3-LOGIN", "POP3-UIDL",
                "0 violations");
        assertThat(r.out().lines()).noneMatch(l -> l.length() > 200);
        // GreenMail's threads die with a stack trace when a POP3 client resets: it goes to greenmail.log
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("icegreen");
        assertThat(Files.readString(dir.resolve("pop3").resolve("TEST-maildrill.load.xml")))
                .contains("name=\"pop3-quit-removes-marked\"", "name=\"exists-never-shrinks\"");

        try (EmbeddedGreenMail server = EmbeddedGreenMail.start(1)) {
            String imapOnly = "imap://127.0.0.1:" + server.target().requireImap().port();
            Path pw = Files.writeString(dir.resolve("pw"), server.target().accounts().get(0).password() + "\n");
            assertUsage(run("load", "--profile", "pop3", "--target", imapOnly, "--user", "user1", "--password-file",
                    pw.toString(), "--test-accounts", "--report-dir", dir.resolve("r").toString()),
                    "profile pop3 has a POP3 persona, and");
        }
    }

    @Test
    void mistakesAreOneLineWithExitTwo() throws Exception {
        Path profile = Files.writeString(dir.resolve("mine.profile"), "profile mine\npersona p\nstep LOGIN 100\nstep JUMP 5\n");
        assertUsage(run("load", "--profile", profile.toString(), "--report-dir", dir.toString()),
                "mine.profile:4: unknown step \"JUMP\"");
        assertUsage(run("load", "--profile", "nosuch"), "not one of [imaptest, devices, idle, pop3]");
        assertUsage(run("load", "--duration", "10x"), "--duration: expected a duration like 500ms, 5s or 2m");
        assertUsage(run("load", "--shard", "4/4"), "--shard: shard index must be 0..3 of 4");
        assertUsage(run("load", "--clients", "0"), "--clients must be 1..");
        assertUsage(run("load", "--arrival-rate", "0"), "--arrival-rate must be more than 0 and at most 10000");
        assertUsage(run("load", "--user-range", "user:1..3"), "--user-range: expected TEMPLATE:FROM..TO");
    }

    @Test
    void aWrongPasswordNoServerOrUndeclaredAccountsAreExitTwoBeforeAnyLoad() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "wrong\n");
        try (EmbeddedGreenMail server = EmbeddedGreenMail.start(1)) {
            String imap = "imap://127.0.0.1:" + server.target().requireImap().port();
            Result r = run("load", "--target", imap, "--user", "user1", "--password-file", pw.toString(), "--test-accounts",
                    "--report-dir", dir.resolve("r").toString());
            assertUsage(r, "LOGIN as user1 refused");
            assertThat(r.out() + r.err()).doesNotContain("wrong");

            Result notDeclared = run("load", "--target", imap, "--user", "user1", "--password-file", pw.toString(),
                    "--report-dir", dir.resolve("r").toString());
            assertUsage(notDeclared, "profile imaptest appends, flags and expunges messages: declare the accounts"
                    + " disposable with --test-accounts");
        }
        Result closed = run("load", "--target", "imap://127.0.0.1:1", "--user", "user1", "--password-file", pw.toString(),
                "--test-accounts", "--report-dir", dir.resolve("r").toString());
        assertUsage(closed, "cannot log in to");
    }

    static void assertUsage(Result r, String message) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(r.err()).contains(message).doesNotContain("internal error").doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(r.err().strip().lines().count()).as(r.err()).isOne();
    }
}
