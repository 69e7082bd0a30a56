package io.maildrill.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ENVELOPE fetch item (RFC 9051 section 7.5.2): header fields as the server parsed them.
 * Strings are the raw header values (MIME encoded-words are not decoded); {@code NIL} becomes
 * an empty Optional or an empty list.
 */
public record Envelope(Optional<String> date, Optional<String> subject, List<Address> from, List<Address> sender,
                       List<Address> replyTo, List<Address> to, List<Address> cc, List<Address> bcc,
                       Optional<String> inReplyTo, Optional<String> messageId) {

    public Envelope {
        from = List.copyOf(from);
        sender = List.copyOf(sender);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
    }

    /**
     * Reads an ENVELOPE value.
     *
     * @throws IllegalArgumentException when the value does not have the ENVELOPE shape, saying where
     */
    public static Envelope from(ImapValue value) {
        if (!(value instanceof ImapValue.ListValue list) || list.size() != 10) {
            throw new IllegalArgumentException("ENVELOPE: expected a list of 10 items, got " + value);
        }
        List<ImapValue> f = list.items();
        return new Envelope(nstring(f.get(0), "date"), nstring(f.get(1), "subject"),
                addresses(f.get(2), "from"), addresses(f.get(3), "sender"), addresses(f.get(4), "reply-to"),
                addresses(f.get(5), "to"), addresses(f.get(6), "cc"), addresses(f.get(7), "bcc"),
                nstring(f.get(8), "in-reply-to"), nstring(f.get(9), "message-id"));
    }

    private static Optional<String> nstring(ImapValue v, String field) {
        if (v.isNil()) {
            return Optional.empty();
        }
        if (v instanceof Str s) {
            return Optional.of(s.text());
        }
        throw new IllegalArgumentException("ENVELOPE " + field + ": expected nstring, got " + v);
    }

    private static List<Address> addresses(ImapValue v, String field) {
        if (v.isNil()) {
            return List.of();
        }
        if (!(v instanceof ImapValue.ListValue list)) {
            throw new IllegalArgumentException("ENVELOPE " + field + ": expected address list or NIL, got " + v);
        }
        List<Address> out = new ArrayList<>(list.size());
        for (ImapValue item : list.items()) {
            if (!(item instanceof ImapValue.ListValue a) || a.size() != 4) {
                throw new IllegalArgumentException("ENVELOPE " + field + ": expected (name adl mailbox host), got " + item);
            }
            out.add(new Address(nstring(a.get(0), field + " name"), nstring(a.get(1), field + " adl"),
                    nstring(a.get(2), field + " mailbox"), nstring(a.get(3), field + " host")));
        }
        return out;
    }
}
