package io.maildrill.bench.imap;

import io.maildrill.bench.support.Traffic;
import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.ImapSession;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One pass over a whole mailbox in batches of {@value #BATCH} messages, each batch one
 * {@code FETCH} streamed with {@link ImapSession#fetchStream}. Fails unless every batch completes
 * OK with exactly one answering FETCH response per message. A FETCH response without the requested
 * data is a server's unsolicited flag update (RFC 3501 §7.4.2 lets a server send one at any time):
 * it is left out of the count and not handed on, never a failure.
 */
final class FetchPass {

    /** Messages per FETCH command: a round trip per batch, a bounded reply size per batch. */
    static final int BATCH = 1000;

    private FetchPass() {
    }

    static void run(ImapSession session, int mailboxSize, String items, Predicate<ImapResponse.Fetch> answers, Traffic traffic,
                    Consumer<ImapResponse.Fetch> each) {
        for (int from = 1; from <= mailboxSize; from += BATCH) {
            int to = Math.min(mailboxSize, from + BATCH - 1);
            long[] counts = new long[2];
            ImapCompletion done = session.fetchStream("FETCH " + from + ":" + to + " " + items, fetch -> {
                counts[1] += fetch.generic().wireLength();
                if (answers.test(fetch)) {
                    counts[0]++;
                    each.accept(fetch);
                }
            });
            if (!done.ok() || counts[0] != to - from + 1) {
                throw new IllegalStateException("FETCH " + from + ":" + to + " " + items + ": " + counts[0]
                        + " responses, completion " + done.tagged().status() + " " + done.tagged().text());
            }
            traffic.add(counts[0], counts[1] + done.wireLength());
        }
    }
}
