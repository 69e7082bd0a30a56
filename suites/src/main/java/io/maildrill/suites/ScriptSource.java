package io.maildrill.suites;

import io.maildrill.script.parse.ParseProblem;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One conformance script's text and where it came from.
 *
 * @param id          the path below the scripts root, e.g. {@code pop3/deletion/dele-only-marks.script};
 *                    reports, expectations files and {@code --suite} globs use it
 * @param text        the script text (empty when it could not be decoded)
 * @param uri         where the text was read (a file, or a resource inside the maildrill jar)
 * @param unreadable  why the file is not a script's text at all (not UTF-8), where it was found
 */
public record ScriptSource(String id, String text, URI uri, Optional<ParseProblem> unreadable) {

    /** Decodes a script file: UTF-8, strictly, so that a stray Latin-1 byte is named, not replaced. */
    public static ScriptSource of(String id, byte[] bytes, URI uri) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String problem = String.format(Locale.ROOT, "not UTF-8: byte 0x%02X (scripts are UTF-8 text; save the file as UTF-8)",
                    bytes[offset] & 0xFF);
            return new ScriptSource(id, "", uri, Optional.of(new ParseProblem(id, line, offset - lineStart + 1, problem)));
        }
        decoder.flush(out);
        return new ScriptSource(id, out.flip().toString(), uri, Optional.empty());
    }
}
