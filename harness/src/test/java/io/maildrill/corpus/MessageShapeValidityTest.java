package io.maildrill.corpus;

import static io.maildrill.corpus.MessageChecks.assertCrlfOnly;
import static io.maildrill.corpus.MessageChecks.firstCrlfCrlf;
import static io.maildrill.corpus.MessageChecks.lines;
import static io.maildrill.corpus.MessageChecks.longestLine;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every shape, at several sizes, is a valid message that a real MIME parser (Angus Mail) reads back. */
class MessageShapeValidityTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    static Stream<Arguments> shapesAndProfiles() {
        return Stream.of(MessageShape.values()).flatMap(shape -> Stream.of(
                Arguments.of(shape, SizeProfile.tiny()),
                Arguments.of(shape, SizeProfile.realistic()),
                Arguments.of(shape, SizeProfile.between(150_000, 400_000))));
    }

    private static List<CorpusMessage> sample(MessageShape shape, SizeProfile profile) {
        return Corpus.of(new CorpusSpec(11, 12, profile, ShapeMix.cycle(shape))).stream().toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("shapesAndProfiles")
    void everyShapeIsCrlfOnlyWithLinesWithinTheLimitAndSplitAtFirstBlankLine(MessageShape shape, SizeProfile profile)
            throws Exception {
        for (CorpusMessage m : sample(shape, profile)) {
            byte[] bytes = m.bytes();
            String what = shape + " #" + m.index();
            assertCrlfOnly(bytes, what);
            assertThat(longestLine(bytes)).as(what).isLessThanOrEqualTo(998);
            assertThat(m.headerLength()).as(what).isEqualTo(firstCrlfCrlf(bytes) + 4);
            assertThat(m.headerBytes()).endsWith('\r', '\n', '\r', '\n');
            assertThat(m.headerBytes().length + m.bodyBytes().length).isEqualTo(m.size());
            assertThat(bytes).doesNotContain((byte) 0);
            if (shape != MessageShape.EIGHT_BIT) {
                for (int i = m.headerLength(); i < bytes.length; i++) {
                    assertThat(bytes[i] >= 0).as("%s: 8-bit octet at %d", what, i).isTrue();
                }
            }
            assertThat(CorpusMessage.verify(bytes).ok()).as(what).isTrue();
            assertRequiredHeadersParse(m);
        }
    }

    private static MimeMessage parse(CorpusMessage m) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(m.bytes()));
    }

    private static void assertRequiredHeadersParse(CorpusMessage m) throws Exception {
        MimeMessage mime = parse(m);
        assertThat(mime.getMessageID()).isEqualTo(m.messageId());
        assertThat(mime.getSubject()).isEqualTo(m.subject());
        assertThat(mime.getSentDate().toInstant()).isEqualTo(m.date().toInstant());
        InternetAddress from = (InternetAddress) mime.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(m.from().address());
        assertThat(from.getPersonal()).isEqualTo(m.from().displayName());
        assertThat(mime.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactlyElementsOf(m.to().stream().map(Address::address).toList());
        assertThat(mime.getHeader("MIME-Version", null)).isEqualTo("1.0");
        assertThat(mime.getHeader("X-Maildrill-Index", null)).isEqualTo(Integer.toString(m.index()));
        assertThat(mime.getHeader("X-Maildrill-Seed", null)).isEqualTo(Long.toString(m.seed()));
        assertThat(mime.getHeader("X-Maildrill-Body-SHA256", null)).isEqualTo(m.bodySha256());
    }

    @Test
    void multipartAlternativeHasPlainAndHtmlParts() throws Exception {
        for (CorpusMessage m : sample(MessageShape.MULTIPART_ALTERNATIVE, SizeProfile.realistic())) {
            MimeMultipart mp = (MimeMultipart) parse(m).getContent();
            assertThat(mp.getContentType()).startsWith("multipart/alternative");
            assertThat(mp.getCount()).isEqualTo(2);
            assertThat(mp.getBodyPart(0).isMimeType("text/plain")).isTrue();
            assertThat(mp.getBodyPart(1).isMimeType("text/html")).isTrue();
            assertThat((String) mp.getBodyPart(1).getContent()).contains("<html><body>");
        }
    }

    @Test
    void attachmentIsBase64AndDecodesToMostOfTheMessage() throws Exception {
        for (CorpusMessage m : sample(MessageShape.MULTIPART_MIXED_ATTACHMENT, SizeProfile.between(200_000, 300_000))) {
            MimeMultipart mp = (MimeMultipart) parse(m).getContent();
            assertThat(mp.getCount()).isEqualTo(2);
            BodyPart attachment = mp.getBodyPart(1);
            assertThat(attachment.getDisposition()).isEqualTo("attachment");
            assertThat(attachment.getFileName()).isEqualTo("attachment-" + m.index() + ".bin");
            assertThat(m.asString()).contains("Content-Transfer-Encoding: base64\r\n");
            try (InputStream in = attachment.getInputStream()) {
                int decoded = in.readAllBytes().length;
                // base64 turns 3 octets into 4 characters plus CRLF every 76: decoded is ~74 % of the size.
                assertThat(decoded).isGreaterThan(m.size() * 6 / 10);
            }
        }
    }

    @Test
    void eightBitBodyIsValidUtf8WithNonAsciiOctets() throws Exception {
        for (CorpusMessage m : sample(MessageShape.EIGHT_BIT, SizeProfile.realistic())) {
            assertThat(m.asString()).contains("Content-Transfer-Encoding: 8bit\r\n", "charset=utf-8");
            byte[] body = m.bodyBytes();
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            boolean nonAscii = false;
            for (byte b : body) {
                nonAscii |= b < 0;
            }
            assertThat(nonAscii).as("message %d has 8-bit octets", m.index()).isTrue();
            assertThat((String) parse(m).getContent()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        }
    }

    @Test
    void encodedHeadersUseRfc2047WordsThatDecodeToTheSubjectAndSender() throws Exception {
        for (CorpusMessage m : sample(MessageShape.ENCODED_HEADERS, SizeProfile.tiny())) {
            String header = new String(m.headerBytes(), StandardCharsets.US_ASCII);
            assertThat(header).contains("Subject: =?UTF-8?B?", "From: =?UTF-8?Q?");
            assertThat(m.subject()).isNotEqualTo(new String(m.subject().getBytes(StandardCharsets.US_ASCII),
                    StandardCharsets.US_ASCII));
            for (byte b : m.headerBytes()) {
                assertThat(b >= 0).as("header octets are ASCII").isTrue();
            }
            // Decoding is checked against Angus Mail in the common test; here the length limits:
            // RFC 2047 section 2 caps an encoded-word at 75 characters, RFC 5322 advises 78 per line.
            for (String line : lines(m.bytes(), 0, m.headerLength())) {
                for (String word : line.trim().split(" ")) {
                    if (word.startsWith("=?")) {
                        assertThat(word.length()).as(word).isLessThanOrEqualTo(75);
                    }
                }
                if (!line.startsWith("X-Maildrill-Body-SHA256:")) {
                    assertThat(line.length()).as(line).isLessThanOrEqualTo(78);
                }
            }
        }
    }

    @Test
    void foldedHeadersHaveContinuationLinesWithinSeventyEightOctets() {
        for (CorpusMessage m : sample(MessageShape.FOLDED_HEADERS, SizeProfile.tiny())) {
            List<String> header = lines(m.bytes(), 0, m.headerLength());
            long continuations = header.stream().filter(l -> l.startsWith(" ")).count();
            assertThat(continuations).isGreaterThanOrEqualTo(4);
            assertThat(m.subject().length()).isGreaterThan(150);
            assertThat(m.to()).hasSizeGreaterThanOrEqualTo(10);
            // The 64-digit hash header is the one line allowed past the advised 78 (limit 998).
            assertThat(header).filteredOn(l -> !l.startsWith("X-Maildrill-Body-SHA256:"))
                    .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(78));
        }
    }

    @ParameterizedTest
    @EnumSource(ProfileName.class)
    void longLinesReachButNeverExceedTheRfc5322Limit(ProfileName profile) {
        for (CorpusMessage m : sample(MessageShape.LONG_LINES, profile.profile())) {
            List<String> body = lines(m.bytes(), m.headerLength(), m.size());
            assertThat(body).anySatisfy(l -> assertThat(l.length()).isEqualTo(998));
            assertThat(body.stream().filter(l -> l.length() >= 990).count()).isGreaterThanOrEqualTo(2);
            assertThat(longestLine(m.bytes())).isEqualTo(998);
        }
    }

    @ParameterizedTest
    @EnumSource(ProfileName.class)
    void dotLinesBodyStartsWithADotAndHasEveryDotLine(ProfileName profile) {
        for (CorpusMessage m : sample(MessageShape.DOT_LINES, profile.profile())) {
            byte[] bytes = m.bytes();
            assertThat(bytes[m.headerLength()]).as("first body octet").isEqualTo((byte) '.');
            List<String> body = lines(bytes, m.headerLength(), m.size());
            assertThat(body).contains(".", "..", ".x", ". ");
            assertThat(body.get(body.size() - 1)).isEqualTo(".");
        }
    }

    @Test
    void emptyBodyIsHeaderAndBlankLineOnly() throws Exception {
        for (CorpusMessage m : sample(MessageShape.EMPTY_BODY, SizeProfile.realistic())) {
            assertThat(m.bodyLength()).isZero();
            assertThat(m.size()).isEqualTo(m.headerLength());
            assertThat(m.bodySha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
            assertThat((String) parse(m).getContent()).isEmpty();
        }
    }

    enum ProfileName {
        tiny, realistic;

        SizeProfile profile() {
            return SizeProfile.named(name());
        }
    }
}
