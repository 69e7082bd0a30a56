package io.maildrill.corpus;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builds message {@code index} of a corpus from its own generator, seeded from (seed, index)
 * alone, so any message can be made in any order, on any thread, with the same octets.
 *
 * <p>Order of work: header block (with a placeholder for the body hash), blank line, body,
 * then the SHA-256 of the body is written over the placeholder. One buffer, no second pass.
 */
final class MessageGenerator {

    /** 2016-01-01T00:00:00Z .. 2026-01-01T00:00:00Z: dates are in a fixed past decade, not relative to now. */
    private static final long DATE_FROM = 1_451_606_400L;
    private static final long DATE_SPAN = 1_767_225_600L - DATE_FROM;
    private static final int[] OFFSET_MINUTES = {0, 0, 60, 120, -300, -420, -480, 330, 540, 600};
    private static final String HASH_PLACEHOLDER = "0".repeat(64);

    private MessageGenerator() {
    }

    static CorpusMessage generate(CorpusSpec spec, int index) {
        long seed = spec.seed();
        long streamSeed = streamSeed(seed, index);
        SplittableRandom r = new SplittableRandom(streamSeed);
        long target = spec.sizeProfile().sample(r);
        MessageShape shape = spec.shapeMix().shapeOf(index, r);

        ByteSink out = new ByteSink((int) Math.min(Integer.MAX_VALUE - 64, target + target / 16 + 1024));
        String messageId = "<" + seed + "-" + index + "." + hex8(mix64(streamSeed ^ 0x5DEECE66DL))
                + "@corpus.maildrill.test>";
        out.ascii("Message-ID: ").ascii(messageId).crlf();

        OffsetDateTime date = OffsetDateTime.ofInstant(
                Instant.ofEpochSecond(DATE_FROM + (long) (r.nextDouble() * DATE_SPAN)),
                ZoneOffset.ofTotalSeconds(OFFSET_MINUTES[r.nextInt(OFFSET_MINUTES.length)] * 60));
        HeaderWriter.date(out, date);

        Address from;
        if (shape == MessageShape.ENCODED_HEADERS) {
            int who = r.nextInt(Vocabulary.UNICODE_NAMES.length);
            from = new Address(Vocabulary.UNICODE_NAMES[who],
                    Vocabulary.UNICODE_LOCAL_PARTS[who] + "@" + domain(r));
            HeaderWriter.encodedQFrom(out, from);
        } else {
            from = person(r);
            out.ascii("From: ").ascii(from.displayName()).ascii(" <").ascii(from.address()).put('>').crlf();
        }

        int recipients = shape == MessageShape.FOLDED_HEADERS ? 10 + r.nextInt(9) : 1 + r.nextInt(2);
        List<Address> to = new ArrayList<>(recipients);
        for (int i = 0; i < recipients; i++) {
            to.add(person(r));
        }
        HeaderWriter.addresses(out, "To", to);

        String subject;
        switch (shape) {
            case ENCODED_HEADERS -> {
                subject = unicodePhrase(r, 4 + r.nextInt(6));
                HeaderWriter.encodedB(out, "Subject", subject);
            }
            case FOLDED_HEADERS -> {
                subject = TextWriter.phrase(r, 28 + r.nextInt(18));
                HeaderWriter.folded(out, "Subject", subject);
            }
            default -> {
                subject = TextWriter.phrase(r, 3 + r.nextInt(6));
                out.ascii("Subject: ").ascii(subject).crlf();
            }
        }

        out.ascii("MIME-Version: 1.0").crlf();
        String boundary = "=_maildrill_" + hex8(streamSeed) + "_" + index;
        switch (shape) {
            case MULTIPART_ALTERNATIVE -> out.ascii("Content-Type: multipart/alternative; boundary=\"")
                    .ascii(boundary).put('"').crlf();
            case MULTIPART_MIXED_ATTACHMENT -> out.ascii("Content-Type: multipart/mixed; boundary=\"")
                    .ascii(boundary).put('"').crlf();
            case EIGHT_BIT -> out.ascii("Content-Type: text/plain; charset=utf-8").crlf()
                    .ascii("Content-Transfer-Encoding: 8bit").crlf();
            default -> out.ascii("Content-Type: text/plain; charset=us-ascii").crlf()
                    .ascii("Content-Transfer-Encoding: 7bit").crlf();
        }
        out.ascii("X-Maildrill-Seed: ").decimal(seed).crlf();
        out.ascii("X-Maildrill-Index: ").decimal(index).crlf();
        out.ascii("X-Maildrill-Shape: ").ascii(shape.token()).crlf();
        out.ascii(CorpusMessage.HASH_HEADER).ascii(": ");
        int hashAt = out.length();
        out.ascii(HASH_PLACEHOLDER).crlf();
        out.crlf();
        int headerLength = out.length();

        BodyWriter.write(shape, out, r, target - headerLength, boundary, index);

        MessageDigest md = IntegrityVerifier.sha256();
        md.update(out.array(), headerLength, out.length() - headerLength);
        byte[] digest = md.digest();
        out.hexAt(hashAt, digest);
        return new CorpusMessage(seed, index, shape, out.toByteArray(), headerLength, messageId, subject,
                from, to, date, IntegrityVerifier.hex(digest));
    }

    /** The seed of message {@code index}'s own generator: a SplitMix64 mix of both inputs. */
    static long streamSeed(long seed, int index) {
        return mix64(seed * 0x9E3779B97F4A7C15L ^ mix64(index + 0x632BE59BD9B4E019L));
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String hex8(long v) {
        String h = Long.toHexString(v & 0xFFFFFFFFL);
        return "00000000".substring(h.length()) + h;
    }

    private static Address person(SplittableRandom r) {
        String first = Vocabulary.FIRST_NAMES[r.nextInt(Vocabulary.FIRST_NAMES.length)];
        String last = Vocabulary.LAST_NAMES[r.nextInt(Vocabulary.LAST_NAMES.length)];
        return new Address(first + " " + last,
                first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "@" + domain(r));
    }

    private static String domain(SplittableRandom r) {
        return Vocabulary.DOMAINS[r.nextInt(Vocabulary.DOMAINS.length)];
    }

    private static String unicodePhrase(SplittableRandom r, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(i % 2 == 0
                    ? Vocabulary.UNICODE_WORDS[r.nextInt(Vocabulary.UNICODE_WORDS.length)]
                    : Vocabulary.WORDS[r.nextInt(Vocabulary.WORDS.length)]);
        }
        return sb.toString();
    }
}
