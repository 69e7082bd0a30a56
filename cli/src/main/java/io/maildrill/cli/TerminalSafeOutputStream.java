package io.maildrill.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Everything maildrill prints passes through here, because much of it quotes servers (greetings,
 * failure texts, transcript lines) and a server must not be able to drive the terminal: set its
 * title, erase a line, move the cursor and forge a {@code [ 1/1] PASS}. Control characters other
 * than line feed and tab (ESC, CR, BS, BEL, DEL; C1 controls such as CSI, which UTF-8 encodes as
 * {@code C2 80..9F}) are written as visible escapes ({@code \x1B}, {@code \u009B}), the same form
 * the reports use. Printable UTF-8 passes unchanged.
 */
final class TerminalSafeOutputStream extends FilterOutputStream {

    private static final int UTF8_C1_LEAD = 0xC2;
    private boolean pendingC2;

    TerminalSafeOutputStream(OutputStream out) {
        super(out);
    }

    /** A UTF-8 print stream over {@code out} that filters as described, flushing on every line. */
    static PrintStream printStream(OutputStream out) {
        return new PrintStream(new TerminalSafeOutputStream(out), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int value) throws IOException {
        int b = value & 0xFF;
        if (pendingC2) {
            pendingC2 = false;
            if (b >= 0x80 && b <= 0x9F) {
                escape(String.format(Locale.ROOT, "\\u%04X", b));
                return;
            }
            out.write(UTF8_C1_LEAD);
        }
        if (b == UTF8_C1_LEAD) {
            pendingC2 = true; // decided by the next byte: a C1 control or a printable Latin-1 letter
        } else if (b == '\n' || b == '\t' || (b >= 0x20 && b != 0x7F)) {
            out.write(b);
        } else {
            escape(String.format(Locale.ROOT, "\\x%02X", b));
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    private void escape(String visible) throws IOException {
        out.write(visible.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        if (pendingC2) {
            pendingC2 = false;
            out.write(UTF8_C1_LEAD);
        }
        super.close();
    }
}
