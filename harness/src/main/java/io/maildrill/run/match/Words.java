package io.maildrill.run.match;

import io.maildrill.imap.ImapValue;
import io.maildrill.imap.ResponseCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits status text into pattern data (docs/scripts.md "Text of status lines"): an optional
 * response code, then space-separated words, digit runs becoming numbers and everything else
 * atoms (quotes are ordinary characters here).
 */
public final class Words {

    private Words() {
    }

    public static List<Datum> split(String text) {
        List<Datum> out = new ArrayList<>();
        for (String word : text.split(" ")) {
            if (!word.isEmpty()) {
                out.add(new Datum.Plain(word(word)));
            }
        }
        return out;
    }

    public static ImapValue word(String word) {
        if (!word.isEmpty() && word.length() <= 18 && word.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new ImapValue.Num(Long.parseLong(word));
        }
        return new ImapValue.Atom(word);
    }

    /** An IMAP code (name, then its parsed arguments) followed by the text's words. */
    public static List<Datum> imapStatus(Optional<ResponseCode> code, String text) {
        List<Datum> out = new ArrayList<>();
        code.ifPresent(c -> out.add(imapCode(c)));
        out.addAll(split(text));
        return out;
    }

    public static Datum.Code imapCode(ResponseCode code) {
        List<ImapValue> elements = new ArrayList<>();
        elements.add(new ImapValue.Atom(code.name()));
        if (!code.args().isEmpty()) {
            elements.addAll(code.args());
        } else {
            // arguments that did not parse as IMAP data are still matched word by word
            split(code.raw()).forEach(d -> elements.add(((Datum.Plain) d).value()));
        }
        return new Datum.Code(elements);
    }

    /** A POP3 (RFC 2449) response code such as {@code IN-USE} or {@code SYS/TEMP}. */
    public static Datum.Code pop3Code(String code) {
        List<ImapValue> elements = new ArrayList<>();
        split(code).forEach(d -> elements.add(((Datum.Plain) d).value()));
        return new Datum.Code(elements);
    }
}
