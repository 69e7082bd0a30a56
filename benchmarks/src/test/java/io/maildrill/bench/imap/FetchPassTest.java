package io.maildrill.bench.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.bench.support.Sessions;
import io.maildrill.bench.support.Traffic;
import io.maildrill.faults.FakeMailServer;
import io.maildrill.imap.ImapSession;
import io.maildrill.net.TlsSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A listing meets what RFC 3501 §7.4.2 allows: an unsolicited FETCH with a flag update in the middle. */
class FetchPassTest {

    private static final String HEADER = "Subject: x\r\n\r\n";

    /** An IMAP server: greeting, LOGIN, then one FETCH answered with a flag update between the answers. */
    private static void serve(FakeMailServer.Client client) throws IOException {
        client.sendLine("* OK [CAPABILITY IMAP4rev1] fake");
        for (String line; (line = client.readLine()) != null; ) {
            String tag = line.split(" ", 2)[0];
            client.send(line.contains(" FETCH ")
                    ? "* 1 FETCH (UID 1 BODY[HEADER] {" + HEADER.length() + "}\r\n" + HEADER + ")\r\n"
                    + "* 2 FETCH (FLAGS (\\Flagged))\r\n"
                    + "* 2 FETCH (UID 2 BODY[HEADER] {" + HEADER.length() + "}\r\n" + HEADER + ")\r\n"
                    + tag + " OK done\r\n"
                    : tag + " OK done\r\n");
        }
    }

    @Test
    @Timeout(30)
    void anUnsolicitedFlagUpdateIsNeitherAnAnswerNorAFailure() throws Exception {
        try (FakeMailServer server = FakeMailServer.start(FetchPassTest::serve)) {
            try (ImapSession session = ImapSession.connect(server.endpoint(),
                    TlsSettings.VERIFY_DEFAULT, Sessions.silentTranscript("t"), Duration.ofSeconds(5))) {
                assertThat(session.login("u", "p").ok()).isTrue();
                List<Long> uids = new ArrayList<>();
                FetchPass.run(session, 2, "(UID BODY.PEEK[HEADER])", f -> f.body("HEADER").isPresent(), new Traffic(),
                        f -> uids.add(f.uid().getAsLong()));
                assertThat(uids).containsExactly(1L, 2L);
            }
        }
    }
}
