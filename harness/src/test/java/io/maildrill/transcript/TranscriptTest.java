package io.maildrill.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aLineSplitAcrossReadsRendersAsOneLine() {
        Transcript t = new Transcript("A", new CredentialRedactor());
        t.clientSent(b("A1 NOOP\r\n"));
        t.serverSent(b("* 1 EXI"));
        t.serverSent(b("STS\r\nA1 OK done\r\n"));
        t.note("connection closed");
        assertThat(t.render()).containsExactly("C: A1 NOOP", "S: * 1 EXISTS", "S: A1 OK done", "#: connection closed");
    }

    @Test
    void everyLineIsKeptAnEmptyOneVisibly() {
        Transcript t = new Transcript("A", new CredentialRedactor());
        t.clientSent(b("TOP 1 0\r\n"));
        t.serverSent(b("+OK\r\nSubject: x\r\n\r\n\r\n.\r\n"));
        assertThat(t.render()).containsExactly("C: TOP 1 0", "S: +OK", "S: Subject: x",
                "S: " + Transcript.EMPTY_LINE, "S: " + Transcript.EMPTY_LINE, "S: .");
    }

    @Test
    void anUnterminatedRestIsShownAsItIs() {
        Transcript t = new Transcript("A", new CredentialRedactor());
        t.serverSent(b("+OK ready\r\n+OK par"));
        assertThat(t.render()).containsExactly("S: +OK ready", "S: +OK par");
    }

    @Test
    void passwordsNeverReachTheTranscript() {
        CredentialRedactor redactor = new CredentialRedactor().addSecret("s3cret");
        Transcript t = new Transcript("A", redactor);
        t.clientSent(b("A1 LOGIN user \"s3cret\"\r\n"));
        t.clientSent(b("PASS s3cret\r\n"));
        t.clientSent(b("A2 SELECT s3cret\r\n"));
        assertThat(String.join("\n", t.render())).doesNotContain("s3cret").contains("A1 LOGIN user <redacted>");
    }
}
