package io.maildrill.imap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.imap.Envelope;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.ImapValue;
import io.maildrill.imap.Status;
import io.maildrill.imap.Str;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ImapResponseDecoderTest {

    enum Feeding { WHOLE, FRAGMENTS_OF_7, BYTE_BY_BYTE }

    private EmbeddedChannel channel = new EmbeddedChannel(new ImapResponseDecoder());

    @AfterEach
    void nothingLeftOver() {
        assertThat((Object) channel.readInbound()).as("undelivered response").isNull();
        assertThat(channel.finish()).as("channel had pending messages").isFalse();
    }

    private List<ImapResponse> decode(String input, Feeding feeding) {
        return decode(input.getBytes(StandardCharsets.ISO_8859_1), feeding);
    }

    private List<ImapResponse> decode(byte[] input, Feeding feeding) {
        int step = switch (feeding) {
            case WHOLE -> input.length;
            case FRAGMENTS_OF_7 -> 7;
            case BYTE_BY_BYTE -> 1;
        };
        for (int i = 0; i < input.length; i += step) {
            channel.writeInbound(Unpooled.wrappedBuffer(input, i, Math.min(step, input.length - i)));
        }
        List<ImapResponse> out = new ArrayList<>();
        for (Object o; (o = channel.readInbound()) != null; ) {
            out.add((ImapResponse) o);
        }
        return out;
    }

    private ImapResponse decodeOne(String input) {
        List<ImapResponse> out = decode(input, Feeding.WHOLE);
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static final String SESSION = "* OK [CAPABILITY IMAP4rev1 LITERAL+ IDLE] ready\r\n"
            + "+ go ahead\r\n"
            + "+\r\n"
            + "* 3 EXISTS\r\n"
            + "* FLAGS (\\Answered \\Seen $Junk)\r\n"
            + "* OK [PERMANENTFLAGS (\\Seen \\*)] limited\r\n"
            + "* 1 FETCH (UID 7 FLAGS (\\Seen) BODY[HEADER.FIELDS (FROM SUBJECT)]<0> {22}\r\n"
            + "From: a@b\r\nSubj: x\r\n\r\n BODY[] {0}\r\n)\r\n"
            + "A0001 OK [READ-WRITE] SELECT completed\r\n";

    @ParameterizedTest
    @EnumSource(Feeding.class)
    void decodesTheSameWhateverTheFragmentation(Feeding feeding) {
        List<ImapResponse> out = decode(SESSION, feeding);

        assertThat(out).hasSize(8).noneMatch(r -> r instanceof ImapResponse.Malformed);
        var greeting = (ImapResponse.Condition) out.get(0);
        assertThat(greeting.status()).isEqualTo(Status.OK);
        assertThat(greeting.code().orElseThrow().name()).isEqualTo("CAPABILITY");
        assertThat(greeting.code().orElseThrow().args()).extracting(Object::toString)
                .containsExactly("IMAP4rev1", "LITERAL+", "IDLE");
        assertThat(greeting.text()).isEqualTo("ready");
        assertThat(out.get(1)).isEqualTo(new ImapResponse.Continuation("go ahead", 12));
        assertThat(out.get(2)).isEqualTo(new ImapResponse.Continuation("", 3));
        assertThat(((ImapResponse.Exists) out.get(3)).count()).isEqualTo(3);
        assertThat(((ImapResponse.Flags) out.get(4)).flags()).containsExactlyInAnyOrder("\\Answered", "\\Seen", "$Junk");
        assertThat(((ImapResponse.Flags) out.get(4)).flags().contains("\\SEEN")).as("case-insensitive").isTrue();
        var permanent = ((ImapResponse.Condition) out.get(5)).code().orElseThrow();
        assertThat(permanent.args()).hasSize(1);
        assertThat(permanent.args().get(0).toString()).isEqualTo("(\\Seen \\*)");
        var fetch = (ImapResponse.Fetch) out.get(6);
        assertThat(fetch.sequence()).isEqualTo(1);
        assertThat(fetch.uid()).hasValue(7);
        assertThat(fetch.flags().orElseThrow()).containsExactly("\\Seen");
        assertThat(fetch.body("HEADER.FIELDS (FROM SUBJECT)").orElseThrow().text()).isEqualTo("From: a@b\r\nSubj: x\r\n\r\n");
        assertThat(fetch.items().get(2).key()).isEqualTo("BODY[HEADER.FIELDS (FROM SUBJECT)]<0>");
        assertThat(fetch.body("").orElseThrow().size()).isZero();
        assertThat(fetch.wireLength()).isEqualTo(("* 1 FETCH (UID 7 FLAGS (\\Seen) BODY[HEADER.FIELDS (FROM SUBJECT)]<0> {22}\r\n"
                + "From: a@b\r\nSubj: x\r\n\r\n BODY[] {0}\r\n)\r\n").length());
        var tagged = (ImapResponse.Tagged) out.get(7);
        assertThat(tagged.tag()).isEqualTo("A0001");
        assertThat(tagged.status()).isEqualTo(Status.OK);
        assertThat(tagged.code().orElseThrow().name()).isEqualTo("READ-WRITE");
        assertThat(tagged.text()).isEqualTo("SELECT completed");
    }

    static Stream<Integer> splitPositions() {
        return IntStream.rangeClosed(1, LITERAL_RESPONSE.length() - 1).boxed();
    }

    private static final String LITERAL_RESPONSE = "* 2 FETCH (BODY[] {11}\r\nhello\r\nw\u00e9rl BODY[TEXT] ~{3}\r\n\0\1\2)\r\n";

    @ParameterizedTest
    @MethodSource("splitPositions")
    void literalsSplitAtEveryPosition(int split) {
        byte[] bytes = LITERAL_RESPONSE.getBytes(StandardCharsets.ISO_8859_1);
        channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, 0, split)));
        channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, split, bytes.length)));
        var fetch = (ImapResponse.Fetch) channel.readInbound();
        Str body = fetch.body("").orElseThrow();
        assertThat(body.form()).isEqualTo(Str.Form.LITERAL);
        assertThat(body.bytes()).isEqualTo("hello\r\nw\u00e9rl".getBytes(StandardCharsets.ISO_8859_1));
        Str text = fetch.body("TEXT").orElseThrow();
        assertThat(text.form()).isEqualTo(Str.Form.LITERAL8);
        assertThat(text.bytes()).containsExactly(0, 1, 2);
        assertThat(fetch.wireLength()).isEqualTo(bytes.length);
    }

    @Test
    void nestedListsNilAndQuotedStringsWithEscapes() {
        var other = (ImapResponse.Other) decodeOne("* ID (\"name\" \"Dove\\\"cot\\\\\" \"x\" NIL \"l\" ((1 2) () (nil)))\r\n");
        var list = (ImapValue.ListValue) other.rest().get(0);
        assertThat(((Str) list.get(1)).text()).isEqualTo("Dove\"cot\\");
        assertThat(list.get(3)).isSameAs(ImapValue.NIL);
        var nested = (ImapValue.ListValue) list.get(5);
        assertThat(nested.toString()).isEqualTo("((1 2) () (NIL))");
        assertThat(((ImapValue.ListValue) nested.get(0)).get(1)).isEqualTo(new ImapValue.Num(2));
    }

    @Test
    void eightBitBytesInQuotedStringsAndLiterals() {
        byte[] input = "* LIST () \"/\" \"Gr\u00fc\u00dfe\"\r\n".getBytes(StandardCharsets.UTF_8);
        var listing = (ImapResponse.Listing) decode(input, Feeding.WHOLE).get(0);
        assertThat(listing.name()).isEqualTo("Gr\u00fc\u00dfe");
        assertThat(listing.delimiter()).hasValue("/");
    }

    @Test
    void envelopeIsParsedIntoTypedRecord() {
        var fetch = (ImapResponse.Fetch) decodeOne("* 5 FETCH (ENVELOPE (\"Mon, 7 Feb 1994 21:52:25 -0800\" "
                + "\"afternoon meeting\" ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) NIL "
                + "((NIL NIL \"imap\" \"cac.washington.edu\")) NIL NIL {7}\r\n<a@b.c> \"<B27397-0100000@cac.washington.edu>\"))\r\n");
        Envelope envelope = fetch.envelope().orElseThrow();
        assertThat(envelope.subject()).hasValue("afternoon meeting");
        assertThat(envelope.from()).singleElement().satisfies(a -> {
            assertThat(a.name()).hasValue("Terry Gray");
            assertThat(a.email()).isEqualTo("gray@cac.washington.edu");
        });
        assertThat(envelope.replyTo()).isEmpty();
        assertThat(envelope.to().get(0).email()).isEqualTo("imap@cac.washington.edu");
        assertThat(envelope.inReplyTo()).hasValue("<a@b.c>");
        assertThat(envelope.messageId()).hasValue("<B27397-0100000@cac.washington.edu>");
    }

    @Test
    void bodyStructureIsKeptAsAValue() {
        var fetch = (ImapResponse.Fetch) decodeOne("* 1 FETCH (RFC822.SIZE 2279 BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" "
                + "(\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23)(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" "
                + "\"NAME\" \"cc.diff\") \"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\"))\r\n");
        assertThat(fetch.rfc822Size()).hasValue(2279);
        var structure = (ImapValue.ListValue) fetch.bodyStructure().orElseThrow();
        assertThat(structure.size()).isEqualTo(3);
        assertThat(structure.get(2).asText()).isEqualTo("MIXED");
    }

    @Test
    void largeLiteralBeyondRetentionLimitIsStreamedWithSizeAndDigest() throws Exception {
        channel = new EmbeddedChannel(new ImapResponseDecoder(1024, 4096));
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + 7);
        }
        channel.writeInbound(Unpooled.copiedBuffer("* 9 FETCH (UID 4 BODY[] {300000}\r\n", StandardCharsets.US_ASCII));
        for (int i = 0; i < content.length; i += 8192) {
            channel.writeInbound(Unpooled.wrappedBuffer(content, i, Math.min(8192, content.length - i)));
        }
        channel.writeInbound(Unpooled.copiedBuffer(")\r\n", StandardCharsets.US_ASCII));
        var fetch = (ImapResponse.Fetch) channel.readInbound();
        Str body = fetch.body("").orElseThrow();
        assertThat(body.retained()).isFalse();
        assertThat(body.size()).isEqualTo(300_000);
        assertThat(body.sha256()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(body.contentEquals(content)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(body::bytes)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("streamed");
    }

    @Test
    void literalSizeTooBigForIntIsStreamedAnyway() {
        channel = new EmbeddedChannel(new ImapResponseDecoder(16, 4096));
        channel.writeInbound(Unpooled.copiedBuffer("* 1 FETCH (BODY[] {3000000000}\r\nabc", StandardCharsets.US_ASCII));
        // 2 MiB more, and something that would be a response outside a literal: all of it is literal content
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'z');
        for (int i = 0; i < 32; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        channel.writeInbound(Unpooled.copiedBuffer("\r\nA1 OK done\r\n", StandardCharsets.US_ASCII));
        assertThat((Object) channel.readInbound()).as("nothing ends inside the literal").isNull();
        channel.finish();
        long received = 3 + 32L * chunk.length + "\r\nA1 OK done\r\n".length();
        var malformed = (ImapResponse.Malformed) channel.readInbound();
        assertThat(malformed.reply().problem()).contains("inside a literal")
                .contains((3_000_000_000L - received) + " of 3000000000");
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void responseCodesWithArgumentsAndRawText() {
        var tagged = (ImapResponse.Tagged) decodeOne("A3 OK [APPENDUID 38505 3955] APPEND completed\r\n");
        assertThat(tagged.code().orElseThrow().number(0)).hasValue(38505L);
        assertThat(tagged.code().orElseThrow().raw()).isEqualTo("38505 3955");
        var bye = (ImapResponse.Condition) decodeOne("* BYE [ALERT] going down\r\n");
        assertThat(bye.status()).isEqualTo(Status.BYE);
        assertThat(bye.code().orElseThrow().args()).isEmpty();
        var copy = (ImapResponse.Tagged) decodeOne("a NO [COPYUID 1 1:3 4:6] x\r\n");
        assertThat(copy.code().orElseThrow().args()).extracting(Object::toString).containsExactly("1", "1:3", "4:6");
    }

    @Test
    void typedViewsForSearchStatusCapabilityVanishedEsearch() {
        var out = decode("* SEARCH 2 3 6\r\n* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n"
                + "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n* VANISHED (EARLIER) 41,43:116\r\n"
                + "* ESEARCH (TAG \"A282\") UID MIN 2 COUNT 3\r\n* 4 EXPUNGE\r\n* ENABLED CONDSTORE\r\n", Feeding.WHOLE);
        assertThat(((ImapResponse.Search) out.get(0)).numbers()).containsExactly(2L, 3L, 6L);
        assertThat(((ImapResponse.MailboxStatus) out.get(1)).items()).containsEntry("UIDNEXT", 44292L);
        assertThat(((ImapResponse.Capability) out.get(2)).capabilities().contains("auth=plain")).isTrue();
        var vanished = (ImapResponse.Vanished) out.get(3);
        assertThat(vanished.earlier()).isTrue();
        assertThat(vanished.uidSet()).isEqualTo("41,43:116");
        var esearch = (ImapResponse.ESearch) out.get(4);
        assertThat(esearch.tag()).hasValue("A282");
        assertThat(esearch.uid()).isTrue();
        assertThat(esearch.results()).containsEntry("COUNT", new ImapValue.Num(3));
        assertThat(((ImapResponse.Expunge) out.get(5)).sequence()).isEqualTo(4);
        assertThat(((ImapResponse.Enabled) out.get(6)).capabilities()).containsExactly("CONDSTORE");
    }

    static Stream<String[]> malformedInputs() {
        return Stream.of(
                new String[] {"A(1 OK done\r\n", "invalid character in tag", "1"},
                new String[] {" OK no tag\r\n", "line without tag", "0"},
                new String[] {"* 1 FETCH (BODY[] \"abc)\r\n", "unterminated quoted string", "23"},
                new String[] {"* 1 FETCH (BODY[] {abc}\r\n", "literal size is not a number", "19"},
                new String[] {"* 1 FETCH (BODY[] {99999999999999999999}\r\n", "literal size too large", "19"},
                new String[] {"* 1 FETCH (FLAGS (\\Seen)\r\n", "unbalanced parentheses", "24"},
                new String[] {"* 1 FETCH (FLAGS (\\Seen)))\r\n", "unexpected ')'", "25"},
                new String[] {"A1 OK missing cr\n", "bare LF", "16"},
                new String[] {"\r\n", "empty line", "0"},
                new String[] {"\u0001\u00ff garbage\r\n", "line without tag", "0"},
                new String[] {"A1 MAYBE fine\r\n", "unknown status 'MAYBE'", "8"},
                new String[] {"* 1 FETCH (BODY[HEADER\r\n", "unbalanced '['", "15"},
                new String[] {"* EXISTS\r\n", "EXISTS without a number", "8"},
                new String[] {"* 1 FETCH (UID)\r\n", "odd number of items", "15"},
                new String[] {"* 1 FETCH (BODY[] {2}x\r\n", "literal marker is not at the end of the line", "18"});
    }

    @ParameterizedTest
    @MethodSource("malformedInputs")
    void malformedInputBecomesAValueAndTheDecoderRecovers(String bad, String problem, String offset) {
        List<ImapResponse> out = decode(bad + "A2 OK next\r\n", Feeding.BYTE_BY_BYTE);
        assertThat(out).hasSize(2);
        var malformed = (ImapResponse.Malformed) out.get(0);
        assertThat(malformed.reply().problem()).contains(problem);
        assertThat(malformed.reply().offset()).isEqualTo(Integer.parseInt(offset));
        assertThat(malformed.reply().bytes()).isEqualTo(bad.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(malformed.wireLength()).isEqualTo(bad.length());
        assertThat(out.get(1)).isInstanceOf(ImapResponse.Tagged.class);
    }

    @Test
    void overlongLineIsReportedAndSkipped() {
        channel = new EmbeddedChannel(new ImapResponseDecoder(1024, 64));
        List<ImapResponse> out = decode("* " + "x".repeat(200) + "\r\nA1 OK fine\r\n", Feeding.FRAGMENTS_OF_7);
        assertThat(out).hasSize(2);
        assertThat(((ImapResponse.Malformed) out.get(0)).reply().problem()).contains("longer than 64");
        assertThat(((ImapResponse.Tagged) out.get(1)).text()).isEqualTo("fine");
    }

    @Test
    void connectionClosedInsideAResponseIsReported() {
        channel.writeInbound(Unpooled.copiedBuffer("* 1 FETCH (UID 1", StandardCharsets.US_ASCII));
        channel.finish();
        var malformed = (ImapResponse.Malformed) channel.readInbound();
        assertThat(malformed.reply().problem()).contains("connection closed before CRLF");
        assertThat(malformed.reply().bytes()).asString(StandardCharsets.US_ASCII).isEqualTo("* 1 FETCH (UID 1");
    }

    /** Found by fuzzing: VANISHED with NIL (or a string) where its uid-set belongs threw instead of being malformed. */
    @Test
    void vanishedWithoutAUidSetIsMalformedNotAnException() {
        List<ImapResponse> out = decode("* VANISHED NIL\r\n* VANISHED (EARLIER) \"1:3\"\r\nA1 OK fine\r\n", Feeding.WHOLE);
        assertThat(out).hasSize(3);
        assertThat(out.get(0)).isInstanceOf(ImapResponse.Malformed.class);
        assertThat(out.get(1)).isInstanceOf(ImapResponse.Malformed.class);
        assertThat(out.get(2)).isInstanceOf(ImapResponse.Tagged.class);
    }

    /** Found by fuzzing: a list going on with '(' right after a literal read the octet before the line. */
    @Test
    void aParenthesisRightAfterALiteralInAListIsMalformedNotAnException() {
        List<ImapResponse> out = decode("* 1 FETCH (BODY[] {2}\r\nab(X))\r\nA1 OK fine\r\n", Feeding.WHOLE);
        assertThat(out).hasSize(2);
        assertThat(((ImapResponse.Malformed) out.get(0)).reply().problem()).contains("unexpected '('");
        assertThat(out.get(1)).isInstanceOf(ImapResponse.Tagged.class);
    }

    /**
     * Many literals under the retention limit each, in one response, would add up without bound:
     * past the response budget the rest of the response is framed to its end but not kept.
     */
    @Test
    void aResponseKeepingMoreThanItsBudgetIsReportedAndTheNextOneDecodes() {
        channel = new EmbeddedChannel(new ImapResponseDecoder(64, 256, 1024));
        StringBuilder response = new StringBuilder("* 1 FETCH (");
        for (int i = 0; i < 40; i++) {
            response.append("BODY[").append(i).append("] {50}\r\n").append("b".repeat(50)).append(' ');
        }
        response.append("UID 9)\r\n");
        for (Feeding feeding : Feeding.values()) {
            List<ImapResponse> out = decode(response + "A1 OK fine\r\n", feeding);
            assertThat(out).as(feeding.name()).hasSize(2);
            assertThat(((ImapResponse.Malformed) out.get(0)).reply().problem())
                    .isEqualTo("response keeping more than 1024 octets (lines and literals)");
            assertThat(((ImapResponse.Tagged) out.get(1)).text()).isEqualTo("fine");
        }
    }

    /** What is missing of a cut literal counts what arrived, kept (small) or streamed (large) alike. */
    @Test
    void aLiteralCutShortCountsTheOctetsThatArrived() {
        for (int retentionLimit : new int[] {1 << 20, 16}) {
            channel = new EmbeddedChannel(new ImapResponseDecoder(retentionLimit, 4096));
            channel.writeInbound(Unpooled.copiedBuffer("* 1 FETCH (BODY[] {300}\r\n" + "z".repeat(100), StandardCharsets.US_ASCII));
            channel.finish();
            var malformed = (ImapResponse.Malformed) channel.readInbound();
            assertThat(malformed.reply().problem()).as("retention limit %d", retentionLimit)
                    .isEqualTo("connection closed inside a literal (200 of 300 octets missing)");
        }
    }

    @Test
    void deepNestingFromAServerIsAFindingNotAStackOverflow() {
        String deep = "* 1 FETCH (BODYSTRUCTURE " + "(".repeat(100_000) + ")".repeat(100_000) + ")\r\n";
        channel = new EmbeddedChannel(new ImapResponseDecoder(1024, 1 << 20));
        List<ImapResponse> out = decode(deep + "A1 OK fine\r\n", Feeding.WHOLE);
        assertThat(out).hasSize(2);
        assertThat(((ImapResponse.Malformed) out.get(0)).reply().problem()).contains("nested deeper than 256");
        assertThat(out.get(1)).isInstanceOf(ImapResponse.Tagged.class);
    }
}
