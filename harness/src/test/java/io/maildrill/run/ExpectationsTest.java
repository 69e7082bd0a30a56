package io.maildrill.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectationsTest {

    @Test
    void exactIdsAndGlobsFindTheirReasons() {
        Expectations e = Expectations.parse("greenmail.txt", """
                # GreenMail 2.1.13
                pop3/deletion/dele-then-retr.script   RETR after DELE answers +OK (P26)

                imap/sync/idle-*.script  IDLE push is late
                """);
        assertThat(e.lookup("pop3/deletion/dele-then-retr.script")).hasValueSatisfying(k -> {
            assertThat(k.reason()).isEqualTo("RETR after DELE answers +OK (P26)");
            assertThat(k.line()).isEqualTo(2);
        });
        assertThat(e.lookup("imap/sync/idle-expunge.script")).hasValueSatisfying(k -> assertThat(k.line()).isEqualTo(4));
        assertThat(e.lookup("imap/sync/noop-expunge.script")).isEmpty();
    }

    @Test
    void aFileThatIsNotThereOrNotTextIsNamedWithWhatIsWrong(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> Expectations.read(missing))
                .hasMessage("expectations file " + missing + " does not exist");
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'a', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> Expectations.read(latin1))
                .hasMessage("expectations file " + latin1 + " is not UTF-8 text");
    }

    @Test
    void entryWithoutReasonIsRejectedWithFileAndLine() {
        assertThatThrownBy(() -> Expectations.parse("x.txt", "# c\npop3/a.script\n"))
                .hasMessageStartingWith("x.txt:2:").hasMessageContaining("needs its reason");
    }

    @Test
    void aBrokenGlobIsRejectedWhenTheFileIsReadNotWhenTheFirstResultIsGraded() {
        assertThatThrownBy(() -> Expectations.parse("x.txt", "pop3/a.script  fine\nimap/{deletion/*.script  why\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x.txt:2: 'imap/{deletion/*.script' is not a script id or glob: Missing '}");
    }
}
