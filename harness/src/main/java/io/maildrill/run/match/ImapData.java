package io.maildrill.run.match;

import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.ImapValue;

import java.util.ArrayList;
import java.util.List;

/** Turns IMAP responses into the data patterns are matched against (docs/scripts.md "Patterns"). */
public final class ImapData {

    private ImapData() {
    }

    /**
     * An untagged response after the {@code *}: {@code [number] KEYWORD values...}; for status
     * responses ({@code OK/NO/BAD/BYE/PREAUTH}) the keyword, the code and the text's words.
     */
    public static List<Datum> untagged(ImapResponse.Untagged r) {
        List<Datum> out = new ArrayList<>();
        if (r instanceof ImapResponse.Condition c) {
            out.add(new Datum.Plain(new ImapValue.Atom(c.keyword())));
            out.addAll(Words.imapStatus(c.code(), c.text()));
            return out;
        }
        r.number().ifPresent(n -> out.add(new Datum.Plain(new ImapValue.Num(n))));
        out.add(new Datum.Plain(new ImapValue.Atom(r.keyword())));
        out.addAll(Datum.plain(r.rest()));
        return out;
    }

    /** Pattern data of a tagged completion: the code and the text after the status word. */
    public static List<Datum> statusText(ImapResponse.Tagged t) {
        return Words.imapStatus(t.code(), t.text());
    }

    /** How a response is quoted in failure messages. */
    public static String describe(ImapResponse r) {
        if (r instanceof ImapResponse.Malformed m) {
            return "malformed reply: " + m.reply().describe();
        }
        if (r instanceof ImapResponse.Tagged t) {
            return t.tag() + " " + t.status() + t.code().map(c -> " " + c).orElse("") + (t.text().isEmpty() ? "" : " " + t.text());
        }
        if (r instanceof ImapResponse.Continuation c) {
            return "+ " + c.text();
        }
        StringBuilder sb = new StringBuilder("*");
        for (Datum d : untagged((ImapResponse.Untagged) r)) {
            sb.append(' ').append(shorten(d.toString()));
        }
        return sb.toString();
    }

    private static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...(" + s.length() + " chars)";
    }
}
