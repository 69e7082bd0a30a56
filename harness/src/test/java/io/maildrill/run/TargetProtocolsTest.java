package io.maildrill.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.net.Endpoint;
import io.maildrill.net.TlsSettings;
import io.maildrill.script.parse.ScriptParseException;
import io.maildrill.script.parse.ScriptParser;
import io.maildrill.target.Target;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Scripts of a protocol the target does not have are not run, and the run says so once. */
class TargetProtocolsTest {

    private static ParsedScript script(String id, String... sessions) {
        String protocols = String.join(" ", java.util.Arrays.stream(sessions).map(d -> d.split(" ")[2]).distinct().toList());
        StringBuilder text = new StringBuilder("""
                @title     t
                @covers    P21
                @level     MUST
                @protocols %s
                @category  deletion

                """.formatted(protocols));
        for (String s : sessions) {
            text.append(s).append('\n');
        }
        for (String s : sessions) {
            String name = s.split(" ")[1];
            text.append(name).append(s.contains(" imap ") ? "> NOOP\n" + name + "< OK\n" : "> NOOP\n" + name + "< +OK\n");
        }
        try {
            return new ParsedScript(id, ScriptParser.parse(id, text.toString()));
        } catch (ScriptParseException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static final List<ParsedScript> SCRIPTS = List.of(
            script("imap/a.script", "session A imap account=1"),
            script("pop3/b.script", "session P pop3 account=1"),
            script("cross/c.script", "session A imap account=1", "session P pop3 account=1"));

    @Test
    void anImapOnlyTargetRunsOnlyImapScripts() {
        Target imapOnly = new Target("imap-only", Optional.of(Endpoint.plain("127.0.0.1", 10143)), Optional.empty(),
                Optional.empty(), TlsSettings.VERIFY_DEFAULT, List.of());
        TargetProtocols fit = TargetProtocols.select(imapOnly, SCRIPTS);
        assertThat(fit.runnable()).extracting(ParsedScript::id).containsExactly("imap/a.script");
        assertThat(fit.facts()).containsExactly("not part of the target: POP3 (2 scripts using it not run)");
    }

    @Test
    void aTargetWithBothProtocolsRunsEverything() {
        Target both = new Target("both", Optional.of(Endpoint.plain("127.0.0.1", 10143)),
                Optional.of(Endpoint.plain("127.0.0.1", 10110)), Optional.empty(), TlsSettings.VERIFY_DEFAULT, List.of());
        TargetProtocols fit = TargetProtocols.select(both, SCRIPTS);
        assertThat(fit.runnable()).hasSize(3);
        assertThat(fit.facts()).isEmpty();
    }
}
