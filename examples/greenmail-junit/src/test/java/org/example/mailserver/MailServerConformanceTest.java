package org.example.mailserver;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.maildrill.junit.MaildrillConformance;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a server developer writes to run maildrill's suites in their own build: start the server
 * (here GreenMail, on free loopback ports, with three disposable accounts), point maildrill at
 * it, pick the suites, name the file of known deviations. Each script is a test of its own,
 * grouped by promise.
 */
class MailServerConformanceTest {

    // generated per run: a test server's password need not be written down anywhere
    private static final String PASSWORD = UUID.randomUUID().toString();

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(ServerSetup.dynamicPort(new ServerSetup[] {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3),
    })).withConfiguration(GreenMailConfiguration.aConfig()
            .withUser("user1@localhost", "user1", PASSWORD)
            .withUser("user2@localhost", "user2", PASSWORD)
            .withUser("user3@localhost", "user3", PASSWORD))
        .withPerMethodLifecycle(false);

    @TestFactory
    Stream<DynamicNode> conformance() {
        return MaildrillConformance
                .target("greenmail=imap://127.0.0.1:" + SERVER.getImap().getPort()
                        + ",pop3://127.0.0.1:" + SERVER.getPop3().getPort())
                .testAccount("user1", PASSWORD)
                .testAccount("user2", PASSWORD)
                .testAccount("user3", PASSWORD)
                .suites("imap/deletion/**", "imap/uid/**", "imap/framing/**", "pop3/capa/**")
                .expectations(Path.of("src/test/resources/maildrill-expectations.txt"))
                .tests();
    }
}
