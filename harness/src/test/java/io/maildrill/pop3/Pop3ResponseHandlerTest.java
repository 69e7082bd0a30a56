package io.maildrill.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildrill.net.ConnectionClosedException;
import io.maildrill.net.ProtocolException;
import io.maildrill.transcript.CredentialRedactor;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class Pop3ResponseHandlerTest {

    private final CredentialRedactor redactor = new CredentialRedactor();
    private final Pop3ResponseHandler handler = new Pop3ResponseHandler(redactor);
    private final EmbeddedChannel channel = new EmbeddedChannel(handler);

    private static Pop3Response line(Pop3Status status, String line) {
        return Pop3Response.singleLine(status, line, Optional.empty(), "",
                (line + "\r\n").getBytes(StandardCharsets.US_ASCII), Set.of());
    }

    @Test
    void repliesCompleteWaitersInOrder() throws Exception {
        CompletableFuture<Pop3Reply> first = handler.expect("STAT");
        CompletableFuture<Pop3Reply> second = handler.expect("NOOP");
        Pop3Response a = line(Pop3Status.OK, "+OK 1 2");
        Pop3Response b = line(Pop3Status.ERR, "-ERR");
        channel.writeInbound(a, b);
        assertThat(first.get()).isSameAs(a);
        assertThat(second.get()).isSameAs(b);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void unsolicitedRepliesAreKeptApart() {
        CompletableFuture<Pop3Reply> waiting = handler.expect("NOOP");
        channel.writeInbound(new Pop3UnsolicitedReply(line(Pop3Status.OK, "+OK stray")));
        assertThat(waiting).isNotDone();
        assertThat(handler.unsolicited()).hasSize(1);
        channel.finish();
    }

    @Test
    void exceptionInThePipelineReachesTheCaller() {
        CompletableFuture<Pop3Reply> waiting = handler.expect("RETR 1");
        channel.pipeline().fireExceptionCaught(new IOException("boom"));
        assertThatThrownBy(waiting::get)
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ProtocolException.class).hasMessageContaining("RETR 1").hasMessageContaining("boom");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void closeFailsPendingAndLaterWaiters() {
        CompletableFuture<Pop3Reply> waiting = handler.expect("LIST");
        channel.close();
        assertThatThrownBy(waiting::get).cause().isInstanceOf(ConnectionClosedException.class).hasMessageContaining("LIST");
        assertThatThrownBy(handler.expect("NOOP")::get).cause().isInstanceOf(ConnectionClosedException.class);
    }

    @Test
    void continuationOpensSaslRedaction() {
        handler.expect("AUTH PLAIN");
        channel.writeInbound(line(Pop3Status.CONTINUATION, "+ "));
        assertThat(redactor.redact("AGFsaWNlAHB3\r\n")).isEqualTo(CredentialRedactor.MASK + "\r\n");
        channel.finish();
    }
}
