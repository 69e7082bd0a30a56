package io.maildrill.bench.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.imap.ImapSession;
import io.maildrill.target.CapabilityDiscovery;
import io.maildrill.target.ServerScriptTarget;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The benchmarks' mailboxes on every real server .ci/run started: created under the server's
 * personal namespace (Courier's is {@code INBOX.} and refuses a top-level CREATE), filled and
 * found again. A server that was not started is an aborted test saying so.
 */
class RealServerBenchMailboxesTest {

    private static final List<String> SERVERS = List.of("dovecot", "cyrus", "courier", "mailutils", "james", "greenmail");

    @TestFactory
    Stream<DynamicTest> fixtureMailboxesLiveInThePersonalNamespace() {
        return SERVERS.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String variable = ServerScriptTarget.variablePrefix(name) + "TARGET";
            Assumptions.assumeTrue(System.getenv(variable) != null, variable + " not set: " + name + " not started");
            BenchServer server = BenchTargets.resolve(name);
            String discovered = CapabilityDiscovery.discover(server.target(), server.readerAccount(), Duration.ofSeconds(30))
                    .personalNamespace();
            assertThat(server.namespace()).isEqualTo(discovered);
            Fixture fixture = Fixture.of(20, "tiny");
            String mailbox = MailboxFixtures.ensureImapMailbox(server, fixture);
            try {
                assertThat(mailbox).isEqualTo(discovered + fixture.mailboxName());
                try (ImapSession session = Sessions.imap(server, server.readerAccount())) {
                    assertThat(session.examine(mailbox).exists()).hasValue(20L);
                }
                assertThat(MailboxFixtures.ensureImapMailbox(server, fixture)).as("found again, not refilled").isEqualTo(mailbox);
            } finally {
                MailboxFixtures.dropMailbox(server, server.readerAccount(), mailbox);
            }
        }));
    }
}
