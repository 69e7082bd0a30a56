package io.maildrill.corpus;

import java.util.SplittableRandom;

/**
 * Writes filler text lines made of vocabulary words. Lines never start with "." (words do not),
 * and a line asked to be exact is padded with letters to precisely the requested octet count,
 * which is how bodies hit their size targets and LONG_LINES hits 998 octets.
 */
final class TextWriter {

    private static final byte[] PAD = "loremipsumdolor".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Line width for ordinary text, well under the RFC 5322 recommendation of 78. */
    static final int WIDTH = 72;

    /** Smallest text written by {@link #paragraphs}: one short line of words. */
    private static final int MIN_TEXT = 40;

    private TextWriter() {
    }

    /**
     * Writes one line (without CRLF) of at most {@code max} octets, at least one octet; exactly
     * {@code max} if {@code exact}. With {@code unicodeOneIn > 0}, about one word in that many is a
     * non-ASCII UTF-8 word (only whole words, so no character is ever split).
     */
    static void line(ByteSink out, SplittableRandom r, int max, boolean exact, int unicodeOneIn) {
        int start = out.length();
        while (true) {
            byte[] word = pick(r, unicodeOneIn);
            int used = out.length() - start;
            int need = used == 0 ? word.length : word.length + 1;
            if (used + need > max) {
                break;
            }
            if (used > 0) {
                out.put(' ');
            }
            out.put(word);
        }
        int used = out.length() - start;
        int gap = exact ? max - used : (used == 0 ? 1 : 0);
        if (gap == 1 && used > 0) {
            out.put('.'); // ends the line like a sentence instead of gluing a letter to the last word
        } else if (gap > 0) {
            if (used > 0) {
                out.put(' ');
                gap--;
            }
            for (int i = 0; i < gap; i++) {
                out.put(PAD[i % PAD.length]);
            }
        }
    }

    /**
     * Writes paragraphs of text lines, each ending in CRLF, totalling {@code budget} octets as
     * closely as line structure allows; always at least one line of a few words, even when the
     * headers alone already exceed the message's size target.
     */
    static void paragraphs(ByteSink out, SplittableRandom r, long budget, int unicodeOneIn) {
        long end = out.length() + Math.max(budget, MIN_TEXT);
        int linesInParagraph = 0;
        int paragraphLength = 3 + r.nextInt(6);
        boolean first = true;
        while (true) {
            long remaining = end - out.length();
            if (remaining < 3 && !first) {
                return;
            }
            if (linesInParagraph == paragraphLength && remaining > WIDTH + 4) {
                out.crlf();
                linesInParagraph = 0;
                paragraphLength = 3 + r.nextInt(6);
                continue;
            }
            int max = (int) Math.max(1, Math.min(WIDTH, remaining - 2));
            line(out, r, max, remaining - 2 <= WIDTH, unicodeOneIn);
            out.crlf();
            linesInParagraph++;
            first = false;
        }
    }

    /** A capitalised run of {@code words} ASCII vocabulary words separated by single spaces. */
    static String phrase(SplittableRandom r, int words) {
        StringBuilder sb = new StringBuilder(words * 8);
        for (int i = 0; i < words; i++) {
            String w = Vocabulary.WORDS[r.nextInt(Vocabulary.WORDS.length)];
            if (i == 0) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
            } else {
                sb.append(' ').append(w);
            }
        }
        return sb.toString();
    }

    private static byte[] pick(SplittableRandom r, int unicodeOneIn) {
        if (unicodeOneIn > 0 && r.nextInt(unicodeOneIn) == 0) {
            return Vocabulary.UNICODE_WORD_BYTES[r.nextInt(Vocabulary.UNICODE_WORD_BYTES.length)];
        }
        return Vocabulary.WORD_BYTES[r.nextInt(Vocabulary.WORD_BYTES.length)];
    }
}
