package io.maildrill.corpus;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

/**
 * Writes header fields: RFC 5322 dates, address lists, folding at whitespace, and RFC 2047
 * encoded-words. Folded lines stay within 78 octets, as RFC 5322 section 2.1.1 recommends.
 */
final class HeaderWriter {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final int FOLD_AT = 76;
    /** UTF-8 octets per B encoded-word: 42 octets become 56 base64 characters, 68 with the delimiters. */
    private static final int ENCODED_WORD_OCTETS = 42;

    private HeaderWriter() {
    }

    /** {@code Date: Tue, 03 Jun 2025 14:05:09 +0200} (RFC 5322 section 3.3). */
    static void date(ByteSink out, OffsetDateTime d) {
        out.ascii("Date: ").ascii(DAYS[d.getDayOfWeek().getValue() - 1]).ascii(", ")
                .twoDigits(d.getDayOfMonth()).put(' ').ascii(MONTHS[d.getMonthValue() - 1]).put(' ')
                .decimal(d.getYear()).put(' ')
                .twoDigits(d.getHour()).put(':').twoDigits(d.getMinute()).put(':').twoDigits(d.getSecond()).put(' ');
        int offsetMinutes = d.getOffset().getTotalSeconds() / 60;
        out.put(offsetMinutes < 0 ? '-' : '+');
        int abs = Math.abs(offsetMinutes);
        out.twoDigits(abs / 60).twoDigits(abs % 60).crlf();
    }

    /** {@code Name: Display <addr>, ...}, folded after a comma when a line would grow past 76. */
    static void addresses(ByteSink out, String name, List<Address> list) {
        out.ascii(name).ascii(": ");
        int lineStart = out.length() - name.length() - 2;
        for (int i = 0; i < list.size(); i++) {
            Address a = list.get(i);
            int itemLength = a.displayName().length() + a.address().length() + 3 + (i < list.size() - 1 ? 1 : 0);
            if (i > 0) {
                if (out.length() - lineStart + 1 + itemLength > FOLD_AT) {
                    out.crlf();
                    lineStart = out.length();
                }
                out.put(' ');
            }
            out.ascii(a.displayName()).ascii(" <").ascii(a.address()).put('>');
            if (i < list.size() - 1) {
                out.put(',');
            }
        }
        out.crlf();
    }

    /** {@code Name: text} with the text folded before a space whenever a line would pass 76 octets. */
    static void folded(ByteSink out, String name, String text) {
        out.ascii(name).put(':');
        int lineStart = out.length() - name.length() - 1;
        int i = 0;
        while (i < text.length()) {
            int space = text.indexOf(' ', i);
            int wordEnd = space < 0 ? text.length() : space;
            int wordLength = wordEnd - i;
            if (out.length() - lineStart + 1 + wordLength > FOLD_AT && out.length() - lineStart > name.length() + 1) {
                out.crlf();
                lineStart = out.length();
            }
            out.put(' ').ascii(text.substring(i, wordEnd));
            i = wordEnd + 1;
        }
        out.crlf();
    }

    /**
     * {@code Name: =?UTF-8?B?...?=} for Unicode {@code text}, split into several encoded-words on
     * character boundaries, one per line. The space between words is encoded inside the next
     * encoded-word because white space between adjacent encoded-words is dropped when decoding
     * (RFC 2047 section 6.2).
     */
    static void encodedB(ByteSink out, String name, String text) {
        out.ascii(name).put(':');
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int from = 0;
        while (from < utf8.length) {
            int to = Math.min(utf8.length, from + ENCODED_WORD_OCTETS);
            // Back off to a character boundary: never end just before a continuation octet.
            while (to < utf8.length && (utf8[to] & 0xC0) == 0x80) {
                to--;
            }
            if (from > 0) {
                out.crlf();
            }
            out.ascii(" =?UTF-8?B?").ascii(Base64.getEncoder().encodeToString(
                    java.util.Arrays.copyOfRange(utf8, from, to))).ascii("?=");
            from = to;
        }
        out.crlf();
    }

    /**
     * {@code From: =?UTF-8?Q?...?= <addr>} with one Q encoded-word per name part, folded so no
     * line passes 78 octets. The space between name parts is encoded ("_") at the start of the
     * next word, because white space between encoded-words is dropped when decoding.
     */
    static void encodedQFrom(ByteSink out, Address from) {
        out.ascii("From:");
        int lineStart = out.length() - 5;
        String name = from.displayName();
        int i = 0;
        while (i < name.length()) {
            int space = name.indexOf(' ', i + 1);
            int end = space < 0 ? name.length() : space;
            String word = encodedQ(name.substring(i, end));
            if (out.length() - lineStart + 1 + word.length() > 78) {
                out.crlf();
                lineStart = out.length();
            }
            out.put(' ').ascii(word);
            i = end;
        }
        if (out.length() - lineStart + 3 + from.address().length() > 78) {
            out.crlf();
        }
        out.ascii(" <").ascii(from.address()).put('>').crlf();
    }

    /** An RFC 2047 Q encoded-word for a display name (phrase context: only letters and digits literal). */
    static String encodedQ(String text) {
        StringBuilder sb = new StringBuilder("=?UTF-8?Q?");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == ' ') {
                sb.append('_');
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                sb.append((char) c);
            } else {
                sb.append('=').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.append("?=").toString();
    }
}
