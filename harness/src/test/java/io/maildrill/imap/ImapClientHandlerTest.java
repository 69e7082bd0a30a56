package io.maildrill.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.imap.codec.ImapResponseDecoder;
import io.maildrill.imap.transport.ImapTransport;
import io.maildrill.imap.transport.StartTlsHold;
import io.maildrill.transcript.CredentialRedactor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Command encoding and literal flow control, driven through an EmbeddedChannel. */
class ImapClientHandlerTest {

    private final StartTlsHold hold = new StartTlsHold();
    private final ImapClientHandler handler = new ImapClientHandler(new CredentialRedactor());
    private final EmbeddedChannel channel = new EmbeddedChannel(new ImapResponseDecoder(), hold, new ImapTransport(), handler);

    @AfterEach
    void nothingLeftOver() {
        assertThat(readOutbound()).as("unexpected client bytes").isEmpty();
        channel.finishAndReleaseAll();
    }

    private String readOutbound() {
        StringBuilder sb = new StringBuilder();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
            sb.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        return sb.toString();
    }

    private void serverSends(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private CompletableFuture<ImapCompletion> send(ImapCommand command) {
        PendingCommand pending = PendingCommand.normal(command);
        channel.writeAndFlush(pending);
        return pending.completion;
    }

    @Test
    void plaintextAfterTheStartTlsOkIsHeldAndNeverReachesTheClient() {
        PendingCommand starttls = new PendingCommand(ImapCommand.of("STARTTLS"), PendingCommand.Kind.STARTTLS, null, null);
        channel.writeAndFlush(starttls);
        assertThat(readOutbound()).isEqualTo("A0001 STARTTLS\r\n");
        serverSends("A0001 OK begin TLS now\r\n* 1 EXISTS\r\n* OK [ALERT] injected\r\n");

        assertThat(starttls.completion.join().ok()).isTrue();
        assertThat(hold.takeHeld()).hasSize(2).allMatch(ImapResponse.Untagged.class::isInstance);
        assertThat(handler.drainUnsolicited()).as("nothing after the OK reached the handler").isEmpty();
        assertThat(channel.config().isAutoRead()).as("reading stops until the handshake").isFalse();

        hold.release();
        serverSends("* 2 EXISTS\r\n");
        assertThat(hold.takeHeld()).isEmpty();
        assertThat(handler.drainUnsolicited()).hasSize(1);
    }

    @Test
    void aStartTlsRefusedWithNoHoldsNothing() {
        PendingCommand starttls = new PendingCommand(ImapCommand.of("STARTTLS"), PendingCommand.Kind.STARTTLS, null, null);
        channel.writeAndFlush(starttls);
        assertThat(readOutbound()).isEqualTo("A0001 STARTTLS\r\n");
        serverSends("A0001 NO not now\r\n* 1 EXISTS\r\n");

        assertThat(starttls.completion.join().ok()).isFalse();
        assertThat(hold.takeHeld()).isEmpty();
        assertThat(handler.drainUnsolicited()).hasSize(1);
    }

    @Test
    void automaticTagsCountUpAndExplicitTagsAreUsedAsGiven() {
        var first = send(ImapCommand.of("NOOP"));
        var second = send(ImapCommand.of("NOOP").withTag("mine.1"));
        var third = send(ImapCommand.of("CHECK"));
        assertThat(readOutbound()).isEqualTo("A0001 NOOP\r\nmine.1 NOOP\r\nA0002 CHECK\r\n");
        serverSends("A0002 OK c\r\nmine.1 OK b\r\nA0001 OK a\r\n");
        assertThat(first.join().tagged().text()).isEqualTo("a");
        assertThat(second.join().tag()).isEqualTo("mine.1");
        assertThat(third.join().tagged().text()).isEqualTo("c");
    }

    @Test
    void argumentsAreAtomsQuotedStringsOrLiteralsAsNeeded() {
        send(ImapCommand.builder("LOGIN").arg("alice").arg("pa ss\"w\\d").build());
        assertThat(readOutbound()).isEqualTo("A0001 LOGIN alice \"pa ss\\\"w\\\\d\"\r\n");
        send(ImapCommand.builder("SELECT").arg("").build());
        assertThat(readOutbound()).isEqualTo("A0002 SELECT \"\"\r\n");
        send(ImapCommand.builder("SELECT").arg("NIL").build());
        assertThat(readOutbound()).isEqualTo("A0003 SELECT \"NIL\"\r\n");
        send(ImapCommand.builder("SELECT").arg("Gr\u00fc\u00dfe").build());
        assertThat(readOutbound()).as("8-bit goes as a synchronizing literal").isEqualTo("A0004 SELECT {7}\r\n");
        serverSends("+ ok\r\n");
        assertThat(readOutbound()).isEqualTo("Gr\u00c3\u00bc\u00c3\u009fe\r\n");
    }

    @Test
    void synchronizingLiteralWaitsForContinuationAndHoldsBackLaterCommands() {
        var append = send(ImapCommand.builder("APPEND").arg("INBOX").literal("hello".getBytes(StandardCharsets.US_ASCII))
                .literal("second".getBytes(StandardCharsets.US_ASCII)).build());
        var noop = send(ImapCommand.of("NOOP"));
        assertThat(readOutbound()).isEqualTo("A0001 APPEND INBOX {5}\r\n");
        serverSends("+ Ready\r\n");
        assertThat(readOutbound()).isEqualTo("hello {6}\r\n");
        serverSends("+\r\n");
        assertThat(readOutbound()).isEqualTo("second\r\nA0002 NOOP\r\n");
        serverSends("A0001 OK [APPENDUID 7 1:2] done\r\nA0002 OK\r\n");
        assertThat(AppendUid.from(append.join())).hasValue(new AppendUid(7, "1:2"));
        assertThat(noop.join().ok()).isTrue();
    }

    @Test
    void refusedLiteralIsNotSentAndTheNextCommandGoesOut() {
        var append = send(ImapCommand.builder("APPEND").arg("INBOX").literal(new byte[] {1, 2}).build());
        var noop = send(ImapCommand.of("NOOP"));
        assertThat(readOutbound()).isEqualTo("A0001 APPEND INBOX {2}\r\n");
        serverSends("A0001 NO [TOOBIG] too big\r\n");
        assertThat(append.join().status()).isEqualTo(Status.NO);
        assertThat(readOutbound()).isEqualTo("A0002 NOOP\r\n");
        serverSends("A0002 OK\r\n");
        assertThat(noop.join().ok()).isTrue();
    }

    @Test
    void literalPlusIsUsedOnceAdvertisedAndLiteralMinusOnlyForSmallLiterals() {
        serverSends("* CAPABILITY IMAP4rev1 LITERAL+\r\n");
        send(ImapCommand.builder("APPEND").arg("INBOX").literal("hello".getBytes(StandardCharsets.US_ASCII)).build());
        assertThat(readOutbound()).isEqualTo("A0001 APPEND INBOX {5+}\r\nhello\r\n");

        serverSends("A0001 OK [CAPABILITY IMAP4rev1 LITERAL-] done\r\n");
        send(ImapCommand.builder("APPEND").arg("INBOX").literal(new byte[3]).build());
        assertThat(readOutbound()).isEqualTo("A0002 APPEND INBOX {3+}\r\n\0\0\0\r\n");
        send(ImapCommand.builder("APPEND").arg("INBOX").literal(new byte[5000]).build());
        assertThat(readOutbound()).isEqualTo("A0003 APPEND INBOX {5000}\r\n");
        serverSends("A0002 OK\r\n+ go\r\n");
        assertThat(readOutbound()).hasSize(5002);
        serverSends("A0003 OK\r\n");
    }

    @Test
    void untaggedResponsesGoToEveryCommandInProgressOrToTheBacklog() {
        ImapClientHandler handler = channel.pipeline().get(ImapClientHandler.class);
        serverSends("* OK greeting\r\n");
        var a = send(ImapCommand.of("NOOP"));
        var b = send(ImapCommand.of("NOOP"));
        readOutbound();
        serverSends("* 3 EXISTS\r\nA0001 OK\r\n* 4 EXISTS\r\nA0002 OK\r\n* 5 EXISTS\r\n");
        assertThat(a.join().untagged()).hasSize(1);
        assertThat(b.join().untagged(ImapResponse.Exists.class)).extracting(ImapResponse.Exists::count)
                .containsExactly(3L, 4L);
        assertThat(handler.drainUnsolicited()).hasSize(2);
    }

    @Test
    void closedConnectionFailsPendingCommands() {
        var pending = send(ImapCommand.of("NOOP"));
        readOutbound();
        channel.close();
        assertThat(pending).isCompletedExceptionally();
        assertThat(pending.handle((c, e) -> e.getClass().getSimpleName()).join()).isEqualTo("ConnectionClosedException");
    }
}
