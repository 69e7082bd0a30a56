package io.maildrill.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.net.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which maildir template belongs to a target: only the one exported beside the same loopback IMAP endpoint. */
class LocalMaildirsTest {

    private static final String TEMPLATE = "/srv/dovecot/mail/%u/Maildir";

    @TempDir
    Path servers;

    @Test
    void theTemplateExportedBesideTheSameImapEndpointIsFound() {
        Map<String, String> env = Map.of("MAILDRILL_SERVERS_DIR", servers.toString(),
                "MAILDRILL_DOVECOT_IMAP", "imap://127.0.0.1:10143", "MAILDRILL_DOVECOT_MAILDIR", TEMPLATE);

        assertThat(LocalMaildirs.templateFor(Endpoint.plain("127.0.0.1", 10143), env)).hasValue(TEMPLATE);
        assertThat(LocalMaildirs.templateFor(Endpoint.plain("localhost", 10143), env)).hasValue(TEMPLATE);
        assertThat(LocalMaildirs.templateFor(Endpoint.plain("127.0.0.1", 11143), env)).isEmpty();
    }

    @Test
    void aTargetEnvUnderTheServersDirectoryIsRead() throws Exception {
        Files.createDirectories(servers.resolve("dovecot"));
        Files.writeString(servers.resolve("dovecot/target.env"),
                "MAILDRILL_DOVECOT_IMAP=imap://127.0.0.1:10143\nMAILDRILL_DOVECOT_MAILDIR=" + TEMPLATE + "\n");

        assertThat(LocalMaildirs.templateFor(Endpoint.plain("127.0.0.1", 10143), Map.of("MAILDRILL_SERVERS_DIR", servers.toString())))
                .hasValue(TEMPLATE);
    }

    @Test
    void aServerOnAnotherMachineHasNoMaildirHereWhateverTheEnvironmentSays() {
        Map<String, String> env = Map.of("MAILDRILL_SERVERS_DIR", servers.toString(),
                "MAILDRILL_X_IMAP", "imap://mail.example.org:143", "MAILDRILL_X_MAILDIR", TEMPLATE);

        assertThat(LocalMaildirs.templateFor(Endpoint.plain("mail.example.org", 143), env)).isEmpty();
    }
}
