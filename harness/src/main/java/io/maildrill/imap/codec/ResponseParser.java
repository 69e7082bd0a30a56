package io.maildrill.imap.codec;

import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.ImapValue;
import io.maildrill.imap.ResponseCode;
import io.maildrill.imap.Status;
import io.maildrill.imap.Str;
import io.maildrill.net.MalformedReply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns one framed response into an {@link ImapResponse}. Grammar (RFC 9051 section 9, read
 * strictly: a deviation becomes a {@link ImapResponse.Malformed} value, never an exception):
 *
 * <pre>
 * response     = continue / untagged / tagged
 * continue     = "+" [SP text] CRLF
 * untagged     = "*" SP ( status-tail / [number SP] keyword *(SP value) ) CRLF
 * tagged       = tag SP status-tail CRLF          ; tag: ASTRING-CHAR except "+"
 * status-tail  = ("OK" / "NO" / "BAD" / "BYE" / "PREAUTH") [SP ["[" code "]" [SP]] text]
 * code         = name [SP args]                    ; args kept raw and, when they parse, as values
 * </pre>
 *
 * One instance per decoder (it owns the atom cache); not thread-safe.
 */
public final class ResponseParser {

    private final AtomCache atoms = new AtomCache();

    /**
     * Parses a framed response.
     *
     * @param lines      the response's lines, each ending in CRLF; all but the last end with a literal marker
     * @param literals   the literal strings, one after each line but the last
     * @param wireLength octets of the whole response on the wire
     */
    public ImapResponse parse(List<byte[]> lines, List<Str> literals, long wireLength) {
        ResponseReader reader = new ResponseReader(lines, literals, atoms);
        try {
            return response(reader, wireLength);
        } catch (ParseError e) {
            return malformed(reader, e, wireLength);
        }
    }

    private ImapResponse response(ResponseReader r, long wireLength) {
        if (r.atLineEnd()) {
            throw r.error("empty line", "'*', '+' or a tag");
        }
        int first = r.peek();
        if (first == '+') {
            r.advance();
            if (r.atEnd()) {
                return new ImapResponse.Continuation("", wireLength);
            }
            r.space();
            return new ImapResponse.Continuation(r.text(), wireLength);
        }
        if (first == '*') {
            r.advance();
            r.space();
            return untagged(r, wireLength);
        }
        String tag = tag(r);
        r.space();
        StatusTail tail = statusTail(r);
        if (tail.status == Status.BYE || tail.status == Status.PREAUTH) {
            throw r.error("tagged " + tail.status, "OK, NO or BAD");
        }
        return new ImapResponse.Tagged(tag, tail.status, tail.code, tail.text, wireLength);
    }

    private static String tag(ResponseReader r) {
        byte[] line = r.currentLine();
        int start = r.position();
        int i = start;
        while (i < line.length - 2 && line[i] != ' ') {
            int c = line[i] & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '(' || c == ')' || c == '{' || c == '%' || c == '*' || c == '"'
                    || c == '\\' || c == '+') {
                while (r.position() < i) {
                    r.advance();
                }
                throw r.error(i == start ? "line without tag" : "invalid character in tag",
                        "'*', '+' or a tag of ASTRING-CHARs except '+'");
            }
            i++;
        }
        if (i == start) {
            throw r.error("line without tag", "'*', '+' or a tag");
        }
        while (r.position() < i) {
            r.advance();
        }
        return new String(line, start, i - start, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private ImapResponse untagged(ResponseReader r, long wireLength) {
        OptionalLong number = OptionalLong.empty();
        int c = r.atLineEnd() ? -1 : r.peek();
        if (c >= '0' && c <= '9') {
            number = OptionalLong.of(r.number());
            r.space();
        }
        String keyword = r.keyword(false);
        Optional<Status> status = Status.parse(keyword);
        if (status.isPresent() && number.isEmpty()) {
            StatusTail tail = statusTailAfterWord(r, status.get());
            ImapResponse.Generic generic = new ImapResponse.Generic(number, keyword, List.of(), wireLength);
            return new ImapResponse.Condition(generic, tail.status, tail.code, tail.text);
        }
        List<ImapValue> rest = new ArrayList<>();
        while (!r.atEnd()) {
            r.space();
            rest.add(r.value(false));
        }
        ImapResponse.Generic generic = new ImapResponse.Generic(number, keyword, rest, wireLength);
        return UntaggedViews.of(generic, r);
    }

    private record StatusTail(Status status, Optional<ResponseCode> code, String text) {
    }

    private StatusTail statusTail(ResponseReader r) {
        String word = r.keyword(false);
        Status status = Status.parse(word)
                .orElseThrow(() -> r.error("unknown status '" + word + "'", "OK, NO, BAD, BYE or PREAUTH"));
        return statusTailAfterWord(r, status);
    }

    private StatusTail statusTailAfterWord(ResponseReader r, Status status) {
        if (r.atEnd()) {
            return new StatusTail(status, Optional.empty(), "");
        }
        r.space();
        Optional<ResponseCode> code = Optional.empty();
        if (!r.atLineEnd() && r.peek() == '[') {
            code = Optional.of(code(r));
            if (r.atEnd()) {
                return new StatusTail(status, code, "");
            }
            r.space();
        }
        return new StatusTail(status, code, r.text());
    }

    private ResponseCode code(ResponseReader r) {
        r.advance();
        String name = r.keyword(true);
        String raw = "";
        List<ImapValue> args = List.of();
        if (!r.atLineEnd() && r.peek() == ' ') {
            r.advance();
            byte[] rawBytes = r.untilCloseBracket();
            raw = ResponseReader.decodeText(rawBytes, 0, rawBytes.length);
            args = codeArguments(rawBytes);
        }
        r.expect(']', "']' closing the response code");
        return new ResponseCode(name, args, raw);
    }

    /** Code arguments as values, or none when they are free text that does not parse. */
    private List<ImapValue> codeArguments(byte[] raw) {
        byte[] line = Arrays.copyOf(raw, raw.length + 2);
        line[raw.length] = '\r';
        line[raw.length + 1] = '\n';
        ResponseReader sub = new ResponseReader(List.of(line), List.of(), atoms);
        List<ImapValue> args = new ArrayList<>();
        try {
            while (!sub.atEnd()) {
                if (!args.isEmpty()) {
                    sub.space();
                }
                args.add(sub.value(true));
            }
            return args;
        } catch (ParseError e) {
            return List.of();
        }
    }

    private static ImapResponse malformed(ResponseReader r, ParseError e, long wireLength) {
        byte[] line = r.currentLine();
        int offset = Math.min(r.position(), line.length);
        int from = 0;
        if (line.length > MalformedReply.MAX_QUOTED && offset > MalformedReply.MAX_QUOTED / 2) {
            from = Math.min(offset - MalformedReply.MAX_QUOTED / 2, line.length - MalformedReply.MAX_QUOTED);
        }
        String where = r.responseOffset() == offset ? "" : " (response offset " + r.responseOffset() + ")";
        MalformedReply reply = new MalformedReply(e.problem + where, offset - from, e.expected,
                Arrays.copyOfRange(line, from, Math.min(line.length, from + MalformedReply.MAX_QUOTED)));
        return new ImapResponse.Malformed(reply, wireLength);
    }
}
