package io.maildrill.junit.servers;

import io.maildrill.junit.MaildrillConformance;
import io.maildrill.target.EmbeddedGreenMail;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bundled script against the embedded GreenMail that {@code maildrill check} uses by
 * default; its known deviations are listed in expectations/greenmail.txt, so this stays green
 * while each deviation stays visible.
 */
class EmbeddedGreenMailConformanceTest {

    private static final int JOBS = 4;
    private static EmbeddedGreenMail server;

    @BeforeAll
    static void start() {
        server = EmbeddedGreenMail.start(JOBS * 3);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicNode> greenmail() {
        return MaildrillConformance.target(server.target()).jobs(JOBS).tests();
    }
}
