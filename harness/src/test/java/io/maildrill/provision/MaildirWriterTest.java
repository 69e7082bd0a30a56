package io.maildrill.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The maildir files the bulk path writes, and where: names, sizes, bytes, and refusals that name the directory. */
class MaildirWriterTest {

    @TempDir
    Path dir;

    @Test
    void aMessageLandsInCurWithItsSizesInTheNameAndNothingLeftInTmp() throws Exception {
        Path maildir = maildir(dir.resolve("Maildir"));
        byte[] message = "Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

        long written = new MaildirWriter(maildir, 1_700_000_000L).write(1_000_007, message, "host");

        assertThat(written).isEqualTo(message.length);
        List<Path> files = list(maildir.resolve("cur"));
        assertThat(files).hasSize(1);
        String name = files.get(0).getFileName().toString();
        // index 1 000 007: one second after the first, microsecond field 7
        assertThat(name).matches("1700000001\\.M7P\\d+Q1000007\\.host,S=" + message.length + ",W=" + message.length + ":2,");
        assertThat(Files.readAllBytes(files.get(0))).isEqualTo(message);
        assertThat(list(maildir.resolve("tmp"))).isEmpty();
    }

    @Test
    void theVirtualSizeCountsEveryBareLineFeedAsTwoOctets() {
        assertThat(MaildirWriter.virtualSize("a\r\nb\nc\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(9);
        assertThat(MaildirWriter.virtualSize("\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(2);
        assertThat(MaildirWriter.virtualSize(new byte[0])).isZero();
    }

    @Test
    void slashAndColonOfAHostNameAreEscapedAsDovecotDoes() {
        assertThat(MaildirWriter.escapedHost("a/b:c")).isEqualTo("a\\057b\\072c");
    }

    @Test
    void aDirectoryWithoutCurAndTmpIsRefusedNamingIt() {
        assertThatThrownBy(() -> new MaildirWriter(dir.resolve("missing"), 0))
                .isInstanceOf(ProvisionException.class)
                .hasMessageContaining(dir.resolve("missing").toString())
                .hasMessageContaining("not a directory");
    }

    @Test
    void inboxIsTheTemplateAndOtherMailboxesAreMaildirPlusPlusFolders() {
        MaildirLocation location = new MaildirLocation("/srv/mail/%u/Maildir");
        assertThat(location.mailboxDirectory("user18", "INBOX")).isEqualTo(Path.of("/srv/mail/user18/Maildir"));
        assertThat(location.mailboxDirectory("user18", "bench-1000000-tiny-42"))
                .isEqualTo(Path.of("/srv/mail/user18/Maildir/.bench-1000000-tiny-42"));
        assertThat(location.mailboxDirectory("u", "a/b c")).isEqualTo(Path.of("/srv/mail/u/Maildir/.a.b c"));
        assertThat(location.root()).isEqualTo(Path.of("/srv/mail"));
        assertThat(new MaildirLocation("/srv/mail-%u").root()).isEqualTo(Path.of("/srv"));
    }

    @Test
    void mailboxNamesThatWouldNeedEncodingOnDiskAreRefused() {
        MaildirLocation location = new MaildirLocation("/srv/mail/%u/Maildir");
        assertThatThrownBy(() -> location.mailboxDirectory("u", "a.b")).isInstanceOf(ProvisionException.class)
                .hasMessageContaining("a.b");
        assertThatThrownBy(() -> location.mailboxDirectory("u", "Entwürfe")).isInstanceOf(ProvisionException.class);
        assertThatThrownBy(() -> location.mailboxDirectory("../x", "INBOX")).isInstanceOf(ProvisionException.class);
    }

    private static Path maildir(Path path) throws Exception {
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(path.resolve(sub));
        }
        return path;
    }

    private static List<Path> list(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
