package io.maildrill.courier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.ScriptResult;
import io.maildrill.run.ExecutorOptions;
import io.maildrill.run.ScriptExecutor;
import io.maildrill.script.parse.ScriptParser;
import io.maildrill.target.ServerScriptTarget;
import io.maildrill.target.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The STARTTLS/STLS injection scripts accept a failed handshake: a server that fed the injected
 * octets into it has executed nothing. A handshake that the run's own trust refused says nothing
 * about the server, so it must be an error that names the fix, not that pass. Courier is the
 * server here because it goes on to the handshake after an injected command (Dovecot closes the
 * connection first). Skipped when CI did not start Courier.
 */
class UntrustedCertificateTest {

    private static final Path SCRIPTS = Path.of("..", "suites", "src", "main", "resources", "scripts");

    @ParameterizedTest
    @ValueSource(strings = {"pop3/security/stls-injection.script", "imap/security/starttls-injection.script"})
    void aCertificateTheRunDoesNotTrustMakesAnInjectionCheckAnErrorNotAPass(String id) throws Exception {
        Map<String, String> withoutCert = new HashMap<>(System.getenv());
        assumeTrue(withoutCert.remove("MAILDRILL_COURIER_CERT") != null, "Courier not started: servers/courier/start");
        Target untrusting = ServerScriptTarget.fromEnvironment("courier", withoutCert).orElseThrow();
        ScriptResult r = new ScriptExecutor(untrusting, ExecutorOptions.defaults())
                .execute(id, ScriptParser.parse(id, Files.readString(SCRIPTS.resolve(id))), List.of(untrusting.account(4)));
        assertThat(r.outcome()).as(r.reason().orElse("") + "\n"
                + String.join("\n", r.transcripts().values().stream().flatMap(List::stream).toList()))
                .isEqualTo(Outcome.ERROR);
        assertThat(r.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("not trusted", "--trust FILE.pem"));
    }
}
