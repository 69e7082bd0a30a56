package io.maildrill.imap.codec;

import io.maildrill.imap.ImapValue;
import io.maildrill.imap.Str;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cursor over one framed response: its lines (each ending in CRLF; every line but the last ends
 * with a literal marker) and the literals between them. Reads the value grammar:
 *
 * <pre>
 * value   = atom / number / "NIL" / quoted / literal / literal8 / "(" [value *(SP value)] ")"
 * atom    = 1*ATOM-CHAR, where "[" opens a section that runs to the matching "]" (spaces and
 *           parentheses included) and may be followed by "&lt;" digits "&gt;"
 * quoted  = DQUOTE *(any byte but CR, LF, DQUOTE, "\" / "\" DQUOTE / "\\") DQUOTE
 * literal = ["~"] "{" number ["+"] "}" CRLF, last thing on its line; the octets follow
 * </pre>
 *
 * Errors throw {@link ParseError}; the reader remembers where, for the malformed reply's quote.
 */
final class ResponseReader {

    private static final int MAX_DEPTH = 256;
    private static final boolean[] ATOM_CHAR = new boolean[256];
    private static final ImapValue.Num[] SMALL_NUMBERS = new ImapValue.Num[256];

    static {
        for (int c = 0x21; c < 0x7f; c++) {
            ATOM_CHAR[c] = true;
        }
        for (char c : new char[] {'(', ')', '{', '"', '[', ']'}) {
            ATOM_CHAR[c] = false;
        }
        for (int i = 0; i < SMALL_NUMBERS.length; i++) {
            SMALL_NUMBERS[i] = new ImapValue.Num(i);
        }
    }

    private final List<byte[]> lines;
    private final List<Str> literals;
    private final AtomCache atoms;
    private byte[] line;
    private int pos;
    private int lineIndex;
    private int literalIndex;
    private long lineBase;

    ResponseReader(List<byte[]> lines, List<Str> literals, AtomCache atoms) {
        this.lines = lines;
        this.literals = literals;
        this.atoms = atoms;
        this.line = lines.get(0);
    }

    // ---- position -------------------------------------------------------------------------

    int peek() {
        return line[pos] & 0xff;
    }

    /** At the CRLF that ends the current line. */
    boolean atLineEnd() {
        return pos == line.length - 2;
    }

    /** At the CRLF that ends the whole response. */
    boolean atEnd() {
        return atLineEnd() && lineIndex == lines.size() - 1;
    }

    void advance() {
        pos++;
    }

    byte[] currentLine() {
        return line;
    }

    int position() {
        return pos;
    }

    /** Offset of the cursor from the start of the response, literal octets included. */
    long responseOffset() {
        return lineBase + pos;
    }

    ParseError error(String problem, String expected) {
        return new ParseError(problem, expected);
    }

    void expect(char c, String expected) {
        if (atLineEnd() || line[pos] != c) {
            throw error(atLineEnd() ? "line ended early" : "unexpected '" + printable(line[pos]) + "'", expected);
        }
        pos++;
    }

    void space() {
        expect(' ', "SP");
    }

    void end() {
        if (!atEnd()) {
            throw error(atLineEnd() ? "literal follows where the response should end"
                    : "unexpected '" + printable(line[pos]) + "' after the last value", "CRLF");
        }
    }

    // ---- values ---------------------------------------------------------------------------

    ImapValue value(boolean inCode) {
        return value(inCode, 0);
    }

    private ImapValue value(boolean inCode, int depth) {
        if (atLineEnd()) {
            throw error("line ended early", "a value");
        }
        int c = line[pos];
        return switch (c) {
            case '(' -> list(inCode, depth);
            case '"' -> quoted();
            case '{' -> literal(false);
            case '~' -> pos + 1 < line.length && line[pos + 1] == '{' ? literal(true) : atomOrNumber(inCode);
            default -> atomOrNumber(inCode);
        };
    }

    private ImapValue.ListValue list(boolean inCode, int depth) {
        if (depth >= MAX_DEPTH) {
            throw error("lists nested deeper than " + MAX_DEPTH, "fewer parentheses");
        }
        pos++;
        List<ImapValue> items = new ArrayList<>();
        if (!atLineEnd() && line[pos] == ')') {
            pos++;
            return new ImapValue.ListValue(items);
        }
        while (true) {
            items.add(value(inCode, depth + 1));
            if (atLineEnd()) {
                throw error("unbalanced parentheses: line ended inside a list", "')'");
            }
            int c = line[pos];
            if (c == ')') {
                pos++;
                return new ImapValue.ListValue(items);
            }
            // body-type-mpart (RFC 9051) concatenates body lists with no SP between them: ")("
            // (judged by the value just read, not the octet before: after a literal a new line starts at 0)
            if (c == '(' && items.get(items.size() - 1) instanceof ImapValue.ListValue) {
                continue;
            }
            if (c != ' ') {
                throw error("unexpected '" + printable(line[pos]) + "' in list", "SP or ')'");
            }
            pos++;
        }
    }

    Str quoted() {
        int start = ++pos;
        int end = line.length - 2;
        boolean escapes = false;
        int i = start;
        for (; i < end; i++) {
            byte b = line[i];
            if (b == '"') {
                break;
            }
            if (b == '\\') {
                escapes = true;
                i++;
            } else if (b == '\r' || b == '\n') {
                pos = i;
                throw error("CR or LF inside quoted string", "closing '\"'");
            }
        }
        if (i >= end) {
            pos = Math.min(i, end);
            throw error("unterminated quoted string", "closing '\"'");
        }
        pos = i + 1;
        if (!escapes) {
            return Str.retained(Str.Form.QUOTED, Arrays.copyOfRange(line, start, i));
        }
        byte[] out = new byte[i - start];
        int n = 0;
        for (int j = start; j < i; j++) {
            byte b = line[j];
            if (b == '\\') {
                byte next = line[++j];
                if (next != '\\' && next != '"') {
                    pos = j - 1;
                    throw error("invalid escape '\\" + printable(next) + "' in quoted string", "\\\\ or \\\"");
                }
                b = next;
            }
            out[n++] = b;
        }
        return Str.retained(Str.Form.QUOTED, Arrays.copyOf(out, n));
    }

    private Str literal(boolean literal8) {
        int markerStart = pos;
        pos += literal8 ? 2 : 1;
        int digitsStart = pos;
        while (!atLineEnd() && line[pos] >= '0' && line[pos] <= '9') {
            pos++;
        }
        if (pos == digitsStart) {
            throw error("literal size is not a number", "digits after '{'");
        }
        if (pos - digitsStart > LiteralMarker.MAX_DIGITS) {
            pos = digitsStart;
            throw error("literal size too large", "at most " + LiteralMarker.MAX_DIGITS + " digits");
        }
        if (!atLineEnd() && (line[pos] == '+' || line[pos] == '-')) {
            pos++;
        }
        expect('}', "'}' closing the literal size");
        if (!atLineEnd()) {
            pos = markerStart;
            throw error("literal marker is not at the end of the line", "CRLF after '}'");
        }
        if (literalIndex >= literals.size() || lineIndex + 1 >= lines.size()) {
            throw error("literal data missing", "literal octets");
        }
        Str literal = literals.get(literalIndex++);
        lineBase += line.length + literal.size();
        line = lines.get(++lineIndex);
        pos = 0;
        return literal;
    }

    private ImapValue atomOrNumber(boolean inCode) {
        int start = pos;
        boolean digits = true;
        while (true) {
            int c = line[pos] & 0xff;
            if (ATOM_CHAR[c]) {
                digits &= c >= '0' && c <= '9';
                pos++;
            } else if (c == '[') {
                digits = false;
                skipSection();
            } else if (c == ']' && !inCode) {
                digits = false;
                pos++;
            } else {
                break;
            }
        }
        int length = pos - start;
        if (length == 0) {
            throw error(line[pos] >= 0 ? "unexpected '" + printable(line[pos]) + "'" : "8-bit byte outside a string",
                    "a value");
        }
        if (digits && length <= 18) {
            long v = 0;
            for (int i = start; i < pos; i++) {
                v = v * 10 + (line[i] - '0');
            }
            return v < SMALL_NUMBERS.length ? SMALL_NUMBERS[(int) v] : new ImapValue.Num(v);
        }
        if (length == 3 && (line[start] | 0x20) == 'n' && (line[start + 1] | 0x20) == 'i' && (line[start + 2] | 0x20) == 'l') {
            return ImapValue.NIL;
        }
        return atoms.get(line, start, pos);
    }

    /** From '[' to the matching ']' (nesting counted), then an optional {@code <origin[.size]>}. */
    private void skipSection() {
        int open = pos;
        int depth = 0;
        int end = line.length - 2;
        for (; pos < end; pos++) {
            byte b = line[pos];
            if (b == '[') {
                depth++;
            } else if (b == ']' && --depth == 0) {
                pos++;
                break;
            }
        }
        if (depth != 0) {
            pos = open;
            throw error("unbalanced '[' in atom", "']'");
        }
        if (pos < end && line[pos] == '<') {
            int close = pos + 1;
            while (close < end && (line[close] >= '0' && line[close] <= '9' || line[close] == '.')) {
                close++;
            }
            if (close >= end || line[close] != '>') {
                pos = close;
                throw error("unterminated partial '<' in atom", "digits and '>'");
            }
            pos = close + 1;
        }
    }

    /** An atom whose text is returned upper-cased (keywords, status words, code names). */
    String keyword(boolean inCode) {
        ImapValue v = atomOrNumber(inCode);
        if (!(v instanceof ImapValue.Atom a)) {
            throw error("expected a keyword, got " + v, "an atom");
        }
        return a.text().toUpperCase(java.util.Locale.ROOT);
    }

    /** A number (digits only, at most 18). */
    long number() {
        int start = pos;
        while (!atLineEnd() && line[pos] >= '0' && line[pos] <= '9') {
            pos++;
        }
        if (pos == start || pos - start > 18) {
            pos = start;
            throw error("expected a number", "1 to 18 digits");
        }
        long v = 0;
        for (int i = start; i < pos; i++) {
            v = v * 10 + (line[i] - '0');
        }
        return v;
    }

    /** Bytes from the cursor to the next unquoted, unnested ']' (code arguments); cursor stays at ']'. */
    byte[] untilCloseBracket() {
        int start = pos;
        int depth = 0;
        boolean quoted = false;
        int end = line.length - 2;
        for (; pos < end; pos++) {
            byte b = line[pos];
            if (quoted) {
                if (b == '\\') {
                    pos++;
                } else if (b == '"') {
                    quoted = false;
                }
            } else if (b == '"') {
                quoted = true;
            } else if (b == '[') {
                depth++;
            } else if (b == ']') {
                if (depth == 0) {
                    return Arrays.copyOfRange(line, start, pos);
                }
                depth--;
            }
        }
        throw error("unterminated response code", "']'");
    }

    /** The rest of the line as human-readable text; it must be the last line of the response. */
    String text() {
        if (lineIndex != lines.size() - 1) {
            throw error("response text followed by a literal", "text up to CRLF");
        }
        int start = pos;
        int end = line.length - 2;
        pos = end;
        return decodeText(line, start, end);
    }

    static String decodeText(byte[] bytes, int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to && ascii; i++) {
            ascii = bytes[i] >= 0;
        }
        if (ascii) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }

    private static String printable(byte b) {
        int c = b & 0xff;
        return c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c);
    }
}
