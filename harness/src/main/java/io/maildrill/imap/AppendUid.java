package io.maildrill.imap;

import java.util.Optional;

/**
 * The UIDPLUS {@code [APPENDUID uidvalidity uid-set]} of an APPEND (RFC 4315); {@code uids} is a
 * single UID or, after MULTIAPPEND, a set such as {@code 5:9}.
 */
public record AppendUid(long uidValidity, String uids) {

    public static Optional<AppendUid> from(ImapCompletion completion) {
        return completion.tagged().code()
                .filter(code -> code.is("APPENDUID") && code.args().size() == 2)
                .flatMap(code -> code.number(0).map(validity -> new AppendUid(validity, code.args().get(1).asText())));
    }

    /** The UID when {@link #uids} is a single number. */
    public Optional<Long> singleUid() {
        return uids.chars().allMatch(Character::isDigit) ? Optional.of(Long.parseLong(uids)) : Optional.empty();
    }
}
