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

    private static long keptBytes(Transcript t) {
        return t.entries().stream().mapToLong(e -> e.bytes().length).sum();
    }

    @Test
    void a256MebibyteLiteralKeepsItsHeadItsTailAndItsSizeAndHashOnly() throws Exception {
        Transcript t = new Transcript("A", new CredentialRedactor());
        t.clientSent("a1 FETCH 1 BODY[]\r\n".getBytes(StandardCharsets.US_ASCII));
        t.serverSent("* 1 FETCH (BODY[] {4000000000}\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        long total = 0;
        for (int i = 0; i < 4096; i++) { // 256 MiB
            t.serverSent(chunk);
            total += chunk.length;
        }
        String header = "* 1 FETCH (BODY[] {4000000000}\r\n";
        int headOfLiteral = Transcript.RUN_HEAD_BYTES - header.length();
        for (int i = 0; i < 4096; i++) {
            int skip = i == 0 ? headOfLiteral : 0;
            if (skip < chunk.length) {
                sha.update(chunk, skip, chunk.length - skip);
            }
        }
        assertThat(keptBytes(t)).as("while the run goes on").isLessThan(Transcript.RUN_HEAD_BYTES + Transcript.RUN_TAIL_BYTES + 1024);
        t.clientSent("a2 LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(keptBytes(t)).isLessThan(Transcript.RUN_HEAD_BYTES + Transcript.RUN_TAIL_BYTES + 1024);
        String rendered = String.join("\n", t.render());
        assertThat(rendered).contains("C: a1 FETCH 1 BODY[]").contains("S: * 1 FETCH (BODY[] {4000000000}")
                .contains(String.format(java.util.Locale.ROOT, "#: ... %,d more octets not kept (SHA-256 %s); the last 16,384 of them follow",
                        total - headOfLiteral, java.util.HexFormat.of().formatHex(sha.digest())))
                .endsWith("C: a2 LOGOUT");
    }

    @Test
    void manyLongRunsStayWithinTheWholeTranscriptsBudget() {
        Transcript t = new Transcript("A", new CredentialRedactor());
        byte[] reply = new byte[200 * 1024];
        java.util.Arrays.fill(reply, (byte) 'y');
        for (int i = 0; i < 500; i++) {
            t.clientSent(("a" + i + " NOOP\r\n").getBytes(StandardCharsets.US_ASCII));
            t.serverSent(reply);
        }
        assertThat(keptBytes(t)).isLessThanOrEqualTo(2 * Transcript.KEPT_BYTES + Transcript.RUN_TAIL_BYTES + 64 * 1024);
        assertThat(t.render()).last().asString().startsWith("#: ... 204,800 more octets not kept (SHA-256 ").doesNotContain("follow");
        assertThat(t.render()).contains("S: " + "y".repeat(200 * 1024).substring(0, 64 * 1024));
    }
}
