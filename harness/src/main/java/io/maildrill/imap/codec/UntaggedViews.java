package io.maildrill.imap.codec;

import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.ImapResponse.Generic;
import io.maildrill.imap.ImapValue;
import io.maildrill.imap.Str;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/** Builds the typed view of an untagged response from its generic form; a shape that does not fit is malformed. */
final class UntaggedViews {

    private UntaggedViews() {
    }

    static ImapResponse.Untagged of(Generic g, ResponseReader r) {
        List<ImapValue> rest = g.rest();
        String keyword = g.keyword();
        if (g.number().isPresent()) {
            long n = g.number().getAsLong();
            return switch (keyword) {
                case "EXISTS" -> new ImapResponse.Exists(g, noArguments(g, r, n));
                case "RECENT" -> new ImapResponse.Recent(g, noArguments(g, r, n));
                case "EXPUNGE" -> new ImapResponse.Expunge(g, noArguments(g, r, n));
                case "FETCH" -> fetch(g, r, n);
                default -> new ImapResponse.Other(g);
            };
        }
        return switch (keyword) {
            case "EXISTS", "RECENT", "EXPUNGE", "FETCH" -> throw r.error(keyword + " without a number", "* number " + keyword);
            case "FLAGS" -> new ImapResponse.Flags(g, stringSet(single(g, r, "(flags)"), r, "flag"));
            case "CAPABILITY" -> new ImapResponse.Capability(g, stringSet(new ImapValue.ListValue(rest), r, "capability"));
            case "ENABLED" -> new ImapResponse.Enabled(g, stringSet(new ImapValue.ListValue(rest), r, "capability"));
            case "SEARCH", "SORT" -> search(g, r);
            case "ESEARCH" -> esearch(g, r);
            case "LIST", "LSUB" -> listing(g, r);
            case "STATUS" -> status(g, r);
            case "VANISHED" -> vanished(g, r);
            default -> new ImapResponse.Other(g);
        };
    }

    private static long noArguments(Generic g, ResponseReader r, long n) {
        if (!g.rest().isEmpty()) {
            throw r.error("unexpected data after " + g.keyword(), "CRLF");
        }
        return n;
    }

    private static ImapValue single(Generic g, ResponseReader r, String what) {
        if (g.rest().size() != 1) {
            throw r.error(g.keyword() + " with " + g.rest().size() + " values", what);
        }
        return g.rest().get(0);
    }

    private static ImapResponse.Fetch fetch(Generic g, ResponseReader r, long n) {
        if (!(single(g, r, "(fetch items)") instanceof ImapValue.ListValue list)) {
            throw r.error("FETCH data is not a list", "(key value ...)");
        }
        List<ImapValue> items = list.items();
        if (items.size() % 2 != 0) {
            throw r.error("FETCH list has an odd number of items (" + items.size() + ")", "key value pairs");
        }
        List<ImapResponse.FetchItem> pairs = new ArrayList<>(items.size() / 2);
        for (int i = 0; i < items.size(); i += 2) {
            if (!(items.get(i) instanceof ImapValue.Atom key)) {
                throw r.error("FETCH item key is not an atom: " + items.get(i), "an item name");
            }
            pairs.add(new ImapResponse.FetchItem(key.text(), items.get(i + 1)));
        }
        return new ImapResponse.Fetch(g, n, pairs);
    }

    private static Set<String> stringSet(ImapValue value, ResponseReader r, String what) {
        if (!(value instanceof ImapValue.ListValue list)) {
            throw r.error("expected a list of " + what + "s, got " + value, "(" + what + " ...)");
        }
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (ImapValue v : list.items()) {
            if (!(v instanceof ImapValue.Atom a)) {
                throw r.error(what + " is not an atom: " + v, "an atom");
            }
            set.add(a.text());
        }
        return Collections.unmodifiableSet(set);
    }

    private static ImapResponse.Search search(Generic g, ResponseReader r) {
        List<Long> numbers = new ArrayList<>(g.rest().size());
        OptionalLong modseq = OptionalLong.empty();
        for (ImapValue v : g.rest()) {
            if (v instanceof ImapValue.Num num && modseq.isEmpty()) {
                numbers.add(num.value());
            } else if (v instanceof ImapValue.ListValue l && l.size() == 2 && l.get(0) instanceof ImapValue.Atom a
                    && a.is("MODSEQ") && l.get(1) instanceof ImapValue.Num m && modseq.isEmpty()) {
                modseq = OptionalLong.of(m.value());
            } else {
                throw r.error("unexpected " + v + " in " + g.keyword(), "numbers and an optional (MODSEQ n)");
            }
        }
        return new ImapResponse.Search(g, numbers, modseq);
    }

    private static ImapResponse.ESearch esearch(Generic g, ResponseReader r) {
        List<ImapValue> rest = g.rest();
        int i = 0;
        Optional<String> tag = Optional.empty();
        if (i < rest.size() && rest.get(i) instanceof ImapValue.ListValue l) {
            if (l.size() != 2 || !(l.get(0) instanceof ImapValue.Atom a) || !a.is("TAG") || !(l.get(1) instanceof Str s)) {
                throw r.error("ESEARCH correlator " + l, "(TAG \"tag\")");
            }
            tag = Optional.of(s.text());
            i++;
        }
        boolean uid = false;
        if (i < rest.size() && rest.get(i) instanceof ImapValue.Atom a && a.is("UID")) {
            uid = true;
            i++;
        }
        if ((rest.size() - i) % 2 != 0) {
            throw r.error("ESEARCH results are not name value pairs", "name value ...");
        }
        Map<String, ImapValue> results = new LinkedHashMap<>();
        for (; i < rest.size(); i += 2) {
            if (!(rest.get(i) instanceof ImapValue.Atom name)) {
                throw r.error("ESEARCH result name is not an atom: " + rest.get(i), "MIN, MAX, COUNT, ALL, ...");
            }
            results.put(name.text().toUpperCase(Locale.ROOT), rest.get(i + 1));
        }
        return new ImapResponse.ESearch(g, tag, uid, Collections.unmodifiableMap(results));
    }

    private static ImapResponse.Listing listing(Generic g, ResponseReader r) {
        List<ImapValue> rest = g.rest();
        if (rest.size() < 3) {
            throw r.error(g.keyword() + " with " + rest.size() + " values", "(flags) delimiter name");
        }
        Set<String> flags = stringSet(rest.get(0), r, "mailbox flag");
        Optional<String> delimiter;
        if (rest.get(1).isNil()) {
            delimiter = Optional.empty();
        } else if (rest.get(1) instanceof Str s) {
            delimiter = Optional.of(s.text());
        } else {
            throw r.error("hierarchy delimiter " + rest.get(1), "quoted character or NIL");
        }
        return new ImapResponse.Listing(g, g.keyword().equals("LSUB"), flags, delimiter, astring(rest.get(2), r));
    }

    private static ImapResponse.MailboxStatus status(Generic g, ResponseReader r) {
        List<ImapValue> rest = g.rest();
        if (rest.size() != 2 || !(rest.get(1) instanceof ImapValue.ListValue items) || items.size() % 2 != 0) {
            throw r.error("STATUS data " + rest, "mailbox (name number ...)");
        }
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i += 2) {
            if (!(items.get(i) instanceof ImapValue.Atom name) || !(items.get(i + 1) instanceof ImapValue.Num n)) {
                throw r.error("STATUS item " + items.get(i) + " " + items.get(i + 1), "name number");
            }
            map.put(name.text().toUpperCase(Locale.ROOT), n.value());
        }
        return new ImapResponse.MailboxStatus(g, astring(rest.get(0), r), Collections.unmodifiableMap(map));
    }

    private static ImapResponse.Vanished vanished(Generic g, ResponseReader r) {
        List<ImapValue> rest = g.rest();
        boolean earlier = !rest.isEmpty() && rest.get(0) instanceof ImapValue.ListValue l && l.size() == 1
                && l.get(0) instanceof ImapValue.Atom a && a.is("EARLIER");
        int setIndex = earlier ? 1 : 0;
        // a uid-set is an atom ("1:3,9") or a number; NIL, a string or a list is not one (found by fuzzing)
        if (rest.size() != setIndex + 1 || !(rest.get(setIndex) instanceof ImapValue.Atom || rest.get(setIndex) instanceof ImapValue.Num)) {
            throw r.error("VANISHED data " + rest, "[(EARLIER)] uid-set");
        }
        return new ImapResponse.Vanished(g, earlier, rest.get(setIndex).asText());
    }

    private static String astring(ImapValue v, ResponseReader r) {
        if (v instanceof ImapValue.Atom || v instanceof Str || v instanceof ImapValue.Num) {
            return v.asText();
        }
        throw r.error("mailbox name " + v, "atom or string");
    }
}
