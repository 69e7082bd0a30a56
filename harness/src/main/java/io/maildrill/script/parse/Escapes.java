package io.maildrill.script.parse;

import io.maildrill.script.ast.ByteString;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a double-quoted script string: {@code \r \n \t \0 \\ \" \xHH} are escapes, anything else after a
 * backslash is an error (so {@code "\Seen"} must be written {@code "\\Seen"}). Non-ASCII characters are
 * encoded as UTF-8.
 */
final class Escapes {
    private Escapes() {
    }

    /** Reads from the opening quote under the cursor to the closing quote, leaving the cursor after it. */
    static ByteString readQuoted(LineCursor in) {
        if (!in.peekIs('"')) {
            throw in.error("expected '\"', " + in.found());
        }
        int openColumn = in.column();
        in.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (in.atEnd()) {
                throw new SyntaxError(openColumn, "unterminated string: expected closing '\"' before end of line");
            }
            char c = in.next();
            if (c == '"') {
                return ByteString.of(out.toByteArray());
            }
            if (c != '\\') {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (in.atEnd()) {
                throw in.error("expected an escape after '\\' (\\r \\n \\t \\0 \\\\ \\\" \\xHH), found end of line");
            }
            char e = in.next();
            switch (e) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case '\\' -> out.write('\\');
                case '"' -> out.write('"');
                case 'x' -> out.write(hexByte(in));
                default -> throw new SyntaxError(in.column() - 2,
                        "unknown escape '\\" + e + "' (expected: \\r \\n \\t \\0 \\\\ \\\" \\xHH)");
            }
        }
    }

    private static int hexByte(LineCursor in) {
        int value = 0;
        for (int i = 0; i < 2; i++) {
            int digit = in.atEnd() ? -1 : Character.digit(in.peek(), 16);
            if (digit < 0) {
                throw in.error("expected two hex digits after \\x, " + in.found());
            }
            in.next();
            value = value * 16 + digit;
        }
        return value;
    }
}
