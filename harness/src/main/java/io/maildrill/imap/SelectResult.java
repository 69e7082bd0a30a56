package io.maildrill.imap;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What SELECT or EXAMINE reported about the mailbox. Counters the server did not send are empty;
 * a NO leaves everything empty and {@link #ok()} false.
 */
public record SelectResult(ImapCompletion completion, OptionalLong exists, OptionalLong recent,
                           OptionalLong uidValidity, OptionalLong uidNext, Set<String> flags,
                           Set<String> permanentFlags, boolean readOnly, OptionalLong highestModseq) {

    public boolean ok() {
        return completion.ok();
    }

    public static SelectResult from(ImapCompletion completion) {
        OptionalLong exists = OptionalLong.empty();
        OptionalLong recent = OptionalLong.empty();
        OptionalLong uidValidity = OptionalLong.empty();
        OptionalLong uidNext = OptionalLong.empty();
        OptionalLong highestModseq = OptionalLong.empty();
        Set<String> flags = Set.of();
        Set<String> permanentFlags = Set.of();
        for (ImapResponse r : completion.untagged()) {
            if (r instanceof ImapResponse.Exists e) {
                exists = OptionalLong.of(e.count());
            } else if (r instanceof ImapResponse.Recent e) {
                recent = OptionalLong.of(e.count());
            } else if (r instanceof ImapResponse.Flags f) {
                flags = f.flags();
            } else if (r instanceof ImapResponse.Condition c && c.code().isPresent()) {
                ResponseCode code = c.code().get();
                switch (code.name()) {
                    case "UIDVALIDITY" -> uidValidity = number(code);
                    case "UIDNEXT" -> uidNext = number(code);
                    case "HIGHESTMODSEQ" -> highestModseq = number(code);
                    case "PERMANENTFLAGS" -> permanentFlags = code.args().isEmpty() ? Set.of()
                            : FetchItems.flagSet(code.args().get(0));
                    default -> { }
                }
            }
        }
        boolean readOnly = completion.tagged().code().map(c -> c.is("READ-ONLY")).orElse(false);
        return new SelectResult(completion, exists, recent, uidValidity, uidNext, flags, permanentFlags, readOnly,
                highestModseq);
    }

    private static OptionalLong number(ResponseCode code) {
        Optional<Long> n = code.number(0);
        return n.map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
