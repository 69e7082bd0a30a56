package io.maildrill.run;

import io.maildrill.corpus.Corpus;
import io.maildrill.net.ProtocolException;
import io.maildrill.pop3.Pop3Listings;
import io.maildrill.pop3.Pop3Reply;
import io.maildrill.pop3.Pop3Response;
import io.maildrill.pop3.Pop3Session;
import io.maildrill.run.session.FixtureState;
import io.maildrill.run.session.SetupError;
import io.maildrill.run.session.StepFailure;
import io.maildrill.target.Account;
import io.maildrill.target.Target;
import io.maildrill.transcript.Transcript;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a freshly loaded fixture back over POP3 once, before the script starts, for two facts the
 * runner must not assume:
 * <ul>
 *   <li>the server's numbering: RFC 1939 defines no order of the maildrop, so each POP3 message is
 *       matched to its fixture message by Message-ID (TOP n 0, or RETR where TOP is refused);</li>
 *   <li>after a delivery (LMTP/SMTP), the message as stored: delivery adds trace headers (RFC 5321
 *       §4.4 requires a Received line) and the mailbox format may add more. The body must come
 *       back byte for byte, and every generated header field must still be there in order; later
 *       checks then compare with the stored form.</li>
 * </ul>
 * A count or content that does not hold is the server's answer and fails the script at its
 * {@code @fixture} line with the server's bytes; a connection or login problem is a setup error.
 */
final class Pop3FixtureReader {

    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private final Target target;
    private final Duration timeout;

    Pop3FixtureReader(Target target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    /**
     * @param keepStored read whole messages (RETR) and keep them as the reference (after a delivery)
     */
    FixtureState read(Account account, Corpus corpus, FixtureState loaded, boolean keepStored, Transcript transcript,
                      int fixtureLine) {
        transcript.note("reading the fixture back over POP3: numbering" + (keepStored ? " and stored form" : ""));
        try (Pop3Session pop3 = Pop3Session.connect(target.requirePop3(), target.tls(), transcript, timeout)) {
            Pop3Reply login = pop3.login(account.user(), account.password());
            if (!login.isOk()) {
                throw new SetupError(fixtureLine, "setup", "POP3 login refused for " + account.user()
                        + " while reading the fixture back: " + login.describe(), null);
            }
            Pop3Reply stat = pop3.stat();
            int count = Pop3Listings.stat(stat).count();
            if (count != corpus.size()) {
                throw new StepFailure(fixtureLine, "setup", "STAT", "+OK " + corpus.size()
                        + " ... (the " + corpus.size() + " fixture messages just loaded)", stat.describe());
            }
            Map<String, Integer> byMessageId = new HashMap<>();
            for (int k = 1; k <= corpus.size(); k++) {
                byMessageId.put(corpus.message(k - 1).messageId(), k);
            }
            Integer[] order = new Integer[count];
            byte[][] stored = new byte[corpus.size()][];
            for (int n = 1; n <= count; n++) {
                Pop3Response message = fetch(pop3, n, keepStored, fixtureLine);
                byte[] content = message.content();
                String id = messageId(content).orElse("");
                Integer k = byMessageId.remove(id);
                if (k == null) {
                    throw new StepFailure(fixtureLine, "setup", (keepStored ? "RETR " : "TOP ") + n + (keepStored ? "" : " 0"),
                            "one of the fixture messages, each with its own Message-ID",
                            id.isEmpty() ? "a message without a Message-ID header" : "Message-ID " + id
                                    + " (not a fixture message, or one already seen)");
                }
                order[n - 1] = k;
                if (keepStored) {
                    checkStored(corpus, k, content, n, fixtureLine);
                    stored[k - 1] = content;
                }
            }
            pop3.quit();
            return loaded.withPop3Order(Arrays.asList(order), keepStored ? Arrays.asList(stored) : List.of());
        } catch (ProtocolException e) {
            throw new SetupError(fixtureLine, "setup", "reading the fixture back over POP3 failed: " + e.getMessage(), e);
        }
    }

    private static Pop3Response fetch(Pop3Session pop3, int n, boolean whole, int fixtureLine) {
        Pop3Reply reply = whole ? pop3.retr(n) : pop3.top(n, 0);
        if (!whole && !reply.isOk()) {
            // TOP is optional (RFC 1939 §7); RETR is not.
            reply = pop3.retr(n);
        }
        if (reply instanceof Pop3Response r && r.isOk()) {
            return r;
        }
        throw new StepFailure(fixtureLine, "setup", "RETR " + n, "+OK and message " + n, reply.describe());
    }

    /** The body byte for byte, and every generated header field, in order, among the stored ones. */
    private static void checkStored(Corpus corpus, int k, byte[] content, int n, int fixtureLine) {
        byte[] generated = corpus.message(k - 1).bytes();
        int storedSplit = headerEnd(content);
        int generatedSplit = headerEnd(generated);
        byte[] storedBody = Arrays.copyOfRange(content, storedSplit, content.length);
        byte[] generatedBody = Arrays.copyOfRange(generated, generatedSplit, generated.length);
        if (!Arrays.equals(storedBody, generatedBody)) {
            throw new StepFailure(fixtureLine, "setup", "RETR " + n,
                    "the body of fixture message " + k + " as delivered (" + generatedBody.length + " octets)",
                    "a body of " + storedBody.length + " octets that differs from octet "
                            + Arrays.mismatch(storedBody, generatedBody));
        }
        List<String> storedFields = fields(content, storedSplit);
        int at = 0;
        for (String field : fields(generated, generatedSplit)) {
            int found = storedFields.subList(at, storedFields.size()).indexOf(field);
            if (found < 0) {
                throw new StepFailure(fixtureLine, "setup", "RETR " + n,
                        "fixture message " + k + "'s header field, unchanged: " + field.strip(),
                        "a stored header without it");
            }
            at += found + 1;
        }
    }

    private static int headerEnd(byte[] message) {
        for (int i = 0; i + HEADER_END.length <= message.length; i++) {
            if (Arrays.equals(message, i, i + HEADER_END.length, HEADER_END, 0, HEADER_END.length)) {
                return i + HEADER_END.length;
            }
        }
        return message.length;
    }

    /** Header fields as they are on the wire, folding kept, one string each (ISO-8859-1: byte exact). */
    private static List<String> fields(byte[] message, int headerEnd) {
        String header = new String(message, 0, headerEnd, StandardCharsets.ISO_8859_1);
        List<String> fields = new ArrayList<>();
        for (String line : header.split("(?<=\r\n)")) {
            if (line.equals("\r\n")) {
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + line);
            } else {
                fields.add(line);
            }
        }
        return fields;
    }

    private static Optional<String> messageId(byte[] content) {
        for (String field : fields(content, headerEnd(content))) {
            int colon = field.indexOf(':');
            if (colon > 0 && field.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("message-id")) {
                return Optional.of(field.substring(colon + 1).replaceAll("\\s+", ""));
            }
        }
        return Optional.empty();
    }
}
