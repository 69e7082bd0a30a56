package io.maildrill.imap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/** The typed readings behind {@link ImapResponse.Fetch}'s accessors. */
final class FetchItems {

    private FetchItems() {
    }

    static Map<String, ImapValue> asMap(List<ImapResponse.FetchItem> items) {
        Map<String, ImapValue> map = new LinkedHashMap<>();
        for (ImapResponse.FetchItem item : items) {
            map.put(item.key(), item.value());
        }
        return Collections.unmodifiableMap(map);
    }

    /** A case-insensitive set of the atoms/strings in a list value (flags, capabilities). */
    static Set<String> flagSet(ImapValue value) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (value instanceof ImapValue.ListValue list) {
            for (ImapValue v : list.items()) {
                if (!v.isNil() && !(v instanceof ImapValue.ListValue)) {
                    set.add(v.asText());
                }
            }
        }
        return Collections.unmodifiableSet(set);
    }

    static OptionalLong number(Optional<ImapValue> value) {
        return value.isPresent() && value.get() instanceof ImapValue.Num n ? OptionalLong.of(n.value()) : OptionalLong.empty();
    }

    static OptionalLong modseq(Optional<ImapValue> value) {
        if (value.isPresent() && value.get() instanceof ImapValue.ListValue l && l.size() == 1
                && l.get(0) instanceof ImapValue.Num n) {
            return OptionalLong.of(n.value());
        }
        return number(value);
    }

    static Optional<Str> body(List<ImapResponse.FetchItem> items, String section) {
        for (ImapResponse.FetchItem item : items) {
            if (matchesSection(item.key(), section) && item.value() instanceof Str s) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static boolean matchesSection(String key, String section) {
        String alias = switch (key.toUpperCase(java.util.Locale.ROOT)) {
            case "RFC822" -> "BODY[]";
            case "RFC822.HEADER" -> "BODY[HEADER]";
            case "RFC822.TEXT" -> "BODY[TEXT]";
            default -> key;
        };
        for (String prefix : new String[] {"BODY[", "BINARY["}) {
            if (alias.regionMatches(true, 0, prefix, 0, prefix.length())) {
                int close = alias.lastIndexOf(']');
                if (close < 0) {
                    return false;
                }
                String got = alias.substring(prefix.length(), close);
                String rest = alias.substring(close + 1);
                return got.equalsIgnoreCase(section) && (rest.isEmpty() || rest.startsWith("<"));
            }
        }
        return false;
    }
}
