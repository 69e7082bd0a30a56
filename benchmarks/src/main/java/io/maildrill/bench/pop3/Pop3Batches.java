package io.maildrill.bench.pop3;

import io.maildrill.bench.support.Traffic;
import io.maildrill.pop3.Pop3Command;
import io.maildrill.pop3.Pop3Reply;
import io.maildrill.pop3.Pop3Response;
import io.maildrill.pop3.Pop3Session;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Sends one command per message, {@value #BATCH} at a time in one flush (RFC 2449 PIPELINING;
 * servers without it still answer in order), and hands every reply to the caller. Fails on any
 * reply that is not {@code +OK}.
 */
final class Pop3Batches {

    static final int BATCH = 50;

    interface ReplyConsumer {
        void accept(int message, Pop3Response reply);
    }

    private Pop3Batches() {
    }

    static void run(Pop3Session session, int count, IntFunction<Pop3Command> command, Traffic traffic, ReplyConsumer each) {
        for (int from = 1; from <= count; from += BATCH) {
            int to = Math.min(count, from + BATCH - 1);
            List<Pop3Command> commands = new ArrayList<>(to - from + 1);
            for (int m = from; m <= to; m++) {
                commands.add(command.apply(m));
            }
            List<Pop3Reply> replies = session.pipeline(commands);
            long octets = 0;
            for (int i = 0; i < replies.size(); i++) {
                if (!(replies.get(i) instanceof Pop3Response r) || !r.isOk()) {
                    throw new IllegalStateException(commands.get(i).describe() + ": " + replies.get(i).describe());
                }
                octets += r.rawLength();
                each.accept(from + i, r);
            }
            traffic.add(replies.size(), octets);
        }
    }
}
