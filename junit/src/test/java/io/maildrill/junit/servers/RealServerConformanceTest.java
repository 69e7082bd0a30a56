package io.maildrill.junit.servers;

import io.maildrill.junit.MaildrillConformance;
import io.maildrill.target.ServerScriptTarget;
import io.maildrill.target.Target;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Every bundled script against each real server that .ci/run started (servers/NAME/start exports
 * MAILDRILL_NAME_TARGET and the rest of its target.env), graded by expectations/NAME.txt. A server
 * that was not started is one aborted test saying so, not a silent pass; one that does not answer
 * or refuses the login is one failed test saying why, and the other servers still run.
 */
class RealServerConformanceTest {

    private static final List<String> SERVERS = List.of("dovecot", "cyrus", "courier", "mailutils", "james", "greenmail");

    @TestFactory
    Stream<DynamicNode> realServers() {
        return SERVERS.stream().map(name -> {
            Optional<Target> target = ServerScriptTarget.fromEnvironment(name, System.getenv());
            if (target.isEmpty()) {
                String var = ServerScriptTarget.variablePrefix(name) + "TARGET";
                return DynamicTest.dynamicTest(name, () -> Assumptions.abort(var + " not set: "
                        + name + " not started (servers/" + name + "/start)"));
            }
            Stream<DynamicNode> tests;
            try {
                tests = MaildrillConformance.target(target.get()).tests();
            } catch (RuntimeException e) {
                return DynamicTest.dynamicTest(name, () -> {
                    throw new AssertionFailedError(name + ": " + e.getMessage(), e);
                });
            }
            return DynamicContainer.dynamicContainer(name, tests);
        });
    }
}
