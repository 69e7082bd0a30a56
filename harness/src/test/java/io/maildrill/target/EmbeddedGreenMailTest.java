package io.maildrill.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmbeddedGreenMailTest {

    @Test
    void startsImapAndPop3OnLoopbackWithTestAccountsAndStopsOnClose() throws Exception {
        int imapPort;
        try (EmbeddedGreenMail server = EmbeddedGreenMail.start(3)) {
            Target target = server.target();
            assertThat(target.accounts()).extracting(Account::user).containsExactly("user1", "user2", "user3");
            assertThat(target.accounts()).allMatch(Account::testAccount);
            imapPort = target.requireImap().port();
            assertThat(greeting(target.requireImap().host(), imapPort)).startsWith("* OK");
            assertThat(greeting(target.requirePop3().host(), target.requirePop3().port())).startsWith("+OK");
        }
        assertThat(canConnect(imapPort)).as("IMAP port closed after close()").isFalse();
    }

    private static String greeting(String host, int port) throws Exception {
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(5000);
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    private static boolean canConnect(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
