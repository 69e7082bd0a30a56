package io.maildrill.bench.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.maildrill.provision.MaildirLocation;
import io.maildrill.target.ServerScriptTarget;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Which provisioner fills the large read-only fixtures: maildir files for a local Dovecot that
 * exports its maildirs where this JVM may write, the ordinary one for the embedded GreenMail.
 * (RealServerBenchMailboxesTest fills and finds such a fixture.)
 */
class BulkProvisionerChoiceTest {

    @Test
    void aLocalDovecotExportingWritableMaildirsGetsMaildirFiles() {
        String template = System.getenv(ServerScriptTarget.variablePrefix("dovecot") + "MAILDIR");
        assumeTrue(System.getenv(ServerScriptTarget.variablePrefix("dovecot") + "TARGET") != null, "Dovecot not started");
        assumeTrue(template != null && !template.isBlank(), "MAILDRILL_DOVECOT_MAILDIR not set (servers/dovecot/start exports it)");
        assumeTrue(Files.isWritable(new MaildirLocation(template).root()), template + " not writable by this process");

        assertThat(BenchTargets.resolve("dovecot").bulkProvisioner().method()).startsWith("maildir files");
    }

    @Test
    void theEmbeddedServerKeepsItsStoreApi() {
        try {
            BenchServer embedded = BenchTargets.resolve(BenchTargets.EMBEDDED);
            assertThat(embedded.bulkProvisioner().method()).isEqualTo(embedded.provisioner().method());
        } finally {
            BenchTargets.stopEmbedded();
        }
    }
}
