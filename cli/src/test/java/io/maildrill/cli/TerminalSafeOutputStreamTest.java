package io.maildrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalSafeOutputStreamTest {

    private static String filtered(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = TerminalSafeOutputStream.printStream(bytes)) {
            out.print(text);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void controlSequencesAServerCouldSendBecomeVisible() {
        // set the title, erase the line, go back to its start and forge a verdict
        String hostile = "* OK \u001B]0;pwned\u0007\u001B[2K\r[  1/1] PASS   fake\u0008\u007F \u009B31m";
        String shown = filtered(hostile);
        assertThat(shown).doesNotContain("\u001B", "\u0007", "\r", "\u0008", "\u007F", "\u009B")
                .isEqualTo("* OK \\x1B]0;pwned\\x07\\x1B[2K\\x0D[  1/1] PASS   fake\\x08\\x7F \\u009B31m");
    }

    @Test
    void printableTextLineFeedsAndTabsPassUnchanged() {
        String text = "Zürich ¡olé! 日本 \uD83D\uDCE7\tcolumn\nnext line ending in Â";
        assertThat(filtered(text)).isEqualTo(text);
    }

    @Test
    void theCommandLineWritesThroughTheFilter() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(out, err, "check", "--target", "imap://\u001B[2J127.0.0.1:143");
        assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        String shown = err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8);
        assertThat(shown).doesNotContain("\u001B").contains("\\x1B[2J");
    }
}
