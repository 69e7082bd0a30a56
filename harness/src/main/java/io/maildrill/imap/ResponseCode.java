package io.maildrill.imap;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bracketed response code such as {@code [UIDVALIDITY 3]}, {@code [PERMANENTFLAGS (\Seen \*)]},
 * {@code [READ-ONLY]} or {@code [APPENDUID 1 5]}.
 *
 * @param name upper-cased code name, e.g. {@code UIDVALIDITY}
 * @param args the arguments parsed as values; empty when there are none or when {@code raw} is
 *             not valid value syntax (e.g. free text), in which case only {@code raw} is meaningful
 * @param raw  the arguments as received, after the name and its space (empty when none)
 */
public record ResponseCode(String name, List<ImapValue> args, String raw) {

    public ResponseCode {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
        Objects.requireNonNull(raw, "raw");
    }

    public boolean is(String codeName) {
        return name.equalsIgnoreCase(codeName);
    }

    /** The argument at {@code index} as a number, if it is one. */
    public Optional<Long> number(int index) {
        return index < args.size() && args.get(index) instanceof ImapValue.Num n ? Optional.of(n.value()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "[" + name + (raw.isEmpty() ? "" : " " + raw) + "]";
    }
}
