package io.maildrill.bench.codec;

import io.maildrill.corpus.Corpus;
import io.maildrill.corpus.CorpusMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A server's answer to {@code A1 UID FETCH 1:n (UID RFC822.SIZE FLAGS BODY.PEEK[HEADER])}, generated
 * deterministically from a corpus: what Dovecot sends for a headers-only listing, byte for byte in
 * shape (one literal per message), so the decoder can be measured without a network.
 */
public final class RecordedFetchStream {

    private RecordedFetchStream() {
    }

    /** The whole stream, untagged FETCH responses for every message then {@code A1 OK}. */
    public static byte[] headersOf(Corpus corpus) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(corpus.size() * 1024);
        for (int i = 0; i < corpus.size(); i++) {
            CorpusMessage message = corpus.message(i);
            byte[] header = message.headerBytes();
            int sequence = i + 1;
            ascii(out, "* " + sequence + " FETCH (UID " + (1000 + sequence) + " RFC822.SIZE " + message.size()
                    + " FLAGS (" + (i % 3 == 0 ? "\\Seen" : "") + ") BODY[HEADER] {" + header.length + "}\r\n");
            out.write(header, 0, header.length);
            ascii(out, ")\r\n");
        }
        ascii(out, "A1 OK Fetch completed (0.012 + 0.000 secs).\r\n");
        return out.toByteArray();
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes, 0, bytes.length);
    }
}
