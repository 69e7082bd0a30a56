package io.maildrill.pop3;

import io.maildrill.net.MalformedReply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the replies of {@code STAT}, {@code LIST} and {@code UIDL} into typed values. Every
 * failure (a {@code -ERR}, a malformed reply, a line that is not {@code n SP size} or
 * {@code n SP uid}) is a {@link Pop3ParseException} quoting the offending line.
 *
 * <p>Grammar (RFC 1939 sections 5 and 7): {@code drop-listing = count SP octets [SP ...]},
 * {@code scan-listing = msg SP octets [SP ...]} (the RFC lets servers add information after the
 * size), {@code unique-id-listing = msg SP uid} with {@code uid = 1*70 %x21-7E}.
 */
public final class Pop3Listings {

    private Pop3Listings() {
    }

    /** {@code +OK count octets}. */
    public static StatResult stat(Pop3Reply reply) {
        String text = okText(reply, "STAT");
        String[] words = text.split(" ", -1);
        if (words.length < 2) {
            throw fail("drop listing", text, text.length(), "count SP octets");
        }
        return new StatResult((int) number(words[0], text, 0), number(words[1], text, words[0].length() + 1));
    }

    /** The multi-line reply of {@code LIST} without argument. */
    public static List<MessageSize> sizes(Pop3Reply reply) {
        List<MessageSize> sizes = new ArrayList<>();
        for (String line : contentLines(reply, "LIST")) {
            sizes.add(scanListing(line));
        }
        return sizes;
    }

    /** The single-line reply of {@code LIST n}. */
    public static MessageSize size(Pop3Reply reply) {
        return scanListing(okText(reply, "LIST n"));
    }

    /** The multi-line reply of {@code UIDL} without argument. */
    public static List<MessageUid> uids(Pop3Reply reply) {
        List<MessageUid> uids = new ArrayList<>();
        for (String line : contentLines(reply, "UIDL")) {
            uids.add(uidListing(line));
        }
        return uids;
    }

    /** The single-line reply of {@code UIDL n}. */
    public static MessageUid uid(Pop3Reply reply) {
        return uidListing(okText(reply, "UIDL n"));
    }

    private static MessageSize scanListing(String line) {
        int sp = line.indexOf(' ');
        if (sp < 0) {
            throw fail("scan listing", line, line.length(), "msg SP octets");
        }
        int end = line.indexOf(' ', sp + 1);
        String size = end < 0 ? line.substring(sp + 1) : line.substring(sp + 1, end);
        return new MessageSize((int) number(line.substring(0, sp), line, 0), number(size, line, sp + 1));
    }

    private static MessageUid uidListing(String line) {
        int sp = line.indexOf(' ');
        if (sp < 0) {
            throw fail("unique-id listing", line, line.length(), "msg SP unique-id");
        }
        String uid = line.substring(sp + 1);
        if (uid.isEmpty() || uid.length() > 70 || !uid.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw fail("unique-id", line, sp + 1, "1 to 70 characters in 0x21-0x7E");
        }
        return new MessageUid((int) number(line.substring(0, sp), line, 0), uid);
    }

    private static long number(String word, String line, int offset) {
        if (word.isEmpty() || word.length() > 18 || !word.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw fail("number", line, offset, "decimal digits");
        }
        long value = Long.parseLong(word);
        if (offset == 0 && value > Integer.MAX_VALUE) {
            throw fail("message number", line, offset, "<= " + Integer.MAX_VALUE);
        }
        return value;
    }

    private static String okText(Pop3Reply reply, String command) {
        return okResponse(reply, command).text();
    }

    private static List<String> contentLines(Pop3Reply reply, String command) {
        Pop3Response response = okResponse(reply, command);
        if (!response.isMultiLine()) {
            throw fail(command + " reply", response.firstLine(), 0, "a multi-line +OK reply");
        }
        return response.contentLines(StandardCharsets.ISO_8859_1);
    }

    private static Pop3Response okResponse(Pop3Reply reply, String command) {
        if (reply instanceof Pop3Malformed m) {
            throw new Pop3ParseException(m.malformed());
        }
        Pop3Response r = (Pop3Response) reply;
        if (!r.isOk()) {
            throw fail(command + " reply", r.firstLine(), 0, "+OK");
        }
        return r;
    }

    private static Pop3ParseException fail(String what, String line, int offset, String expected) {
        return new Pop3ParseException(MalformedReply.of(what, offset, expected, line));
    }
}
