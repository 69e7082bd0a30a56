package io.maildrill.suites.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.maildrill.target.ServerScriptTarget;
import io.maildrill.target.Target;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bundled script against the Dovecot that .ci/run starts (servers/dovecot/start), with
 * its known deviations in expectations/dovecot.txt. Skipped, with that reason, when no Dovecot
 * target is exported.
 */
class DovecotConformanceTest {

    @TestFactory
    Stream<DynamicTest> dovecot() {
        Target dovecot = ServerScriptTarget.dovecot().orElse(null);
        assumeTrue(dovecot != null, "MAILDRILL_DOVECOT_TARGET not set: Dovecot not started (servers/dovecot/start)");
        // One job per three accounts: scripts declare up to three.
        return ScriptTests.run(dovecot, Math.max(1, dovecot.accounts().size() / 3));
    }
}
