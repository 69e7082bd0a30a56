package io.maildrill.imap;

import io.maildrill.net.MalformedReply;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One complete server response, as the decoder delivers it: tagged completion, untagged data
 * (with a generic form and a typed view), command continuation request, or a malformed reply.
 *
 * <p>A malformed reply is a value, not an exception: the decoder quotes the offending bytes and
 * offset and resynchronises at the next line, so a check can report the finding and go on.
 * Every response records {@link #wireLength()}, the octets it took on the wire (literal contents
 * included), for bytes-on-the-wire counting.
 */
public sealed interface ImapResponse
        permits ImapResponse.Tagged, ImapResponse.Untagged, ImapResponse.Continuation, ImapResponse.Malformed {

    /** Octets this response occupied on the wire, CRLFs and literal contents included. */
    long wireLength();

    /** {@code tag OK|NO|BAD [code] text}: completion of the command with that tag. */
    record Tagged(String tag, Status status, Optional<ResponseCode> code, String text, long wireLength)
            implements ImapResponse {
        public Tagged {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(text, "text");
        }

        public boolean ok() {
            return status == Status.OK;
        }
    }

    /** {@code + text} (text empty for a bare {@code +}). */
    record Continuation(String text, long wireLength) implements ImapResponse {
        public Continuation {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A response that does not parse, with the offending bytes quoted. */
    record Malformed(MalformedReply reply, long wireLength) implements ImapResponse {
        public Malformed {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /**
     * The generic form of an untagged response: {@code * [number] keyword rest...}. For status
     * responses ({@code * OK [code] text}) {@code rest} is empty; use {@link Condition#code()} and
     * {@link Condition#text()}.
     *
     * @param keyword upper-cased keyword (FETCH, EXISTS, OK, CAPABILITY, ...)
     */
    record Generic(OptionalLong number, String keyword, List<ImapValue> rest, long wireLength) {
        public Generic {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(keyword, "keyword");
            rest = List.copyOf(rest);
        }
    }

    /**
     * Untagged data ({@code * ...}). Every kind carries its {@link Generic} form, so matchers can
     * treat all of them alike, and adds typed accessors. Unknown keywords become {@link Other}.
     */
    sealed interface Untagged extends ImapResponse
            permits Condition, Exists, Expunge, Recent, Vanished, Fetch, Flags, Search, ESearch, Capability,
            Listing, MailboxStatus, Enabled, Other {

        Generic generic();

        default OptionalLong number() {
            return generic().number();
        }

        default String keyword() {
            return generic().keyword();
        }

        default List<ImapValue> rest() {
            return generic().rest();
        }

        @Override
        default long wireLength() {
            return generic().wireLength();
        }
    }

    /** {@code * OK|NO|BAD|BYE|PREAUTH [code] text}, including the greeting. */
    record Condition(Generic generic, Status status, Optional<ResponseCode> code, String text) implements Untagged {
    }

    /** {@code * n EXISTS}. */
    record Exists(Generic generic, long count) implements Untagged {
    }

    /** {@code * n EXPUNGE}. */
    record Expunge(Generic generic, long sequence) implements Untagged {
    }

    /** {@code * n RECENT}. */
    record Recent(Generic generic, long count) implements Untagged {
    }

    /** {@code * VANISHED [(EARLIER)] uid-set} (QRESYNC). */
    record Vanished(Generic generic, boolean earlier, String uidSet) implements Untagged {
    }

    /** {@code * FLAGS (...)}; the set compares case-insensitively. */
    record Flags(Generic generic, Set<String> flags) implements Untagged {
    }

    /** {@code * SEARCH n...} with the optional CONDSTORE {@code (MODSEQ m)}. */
    record Search(Generic generic, List<Long> numbers, OptionalLong modseq) implements Untagged {
        public Search {
            numbers = List.copyOf(numbers);
        }
    }

    /** {@code * ESEARCH [(TAG "t")] [UID] name value ...}; result names upper-cased. */
    record ESearch(Generic generic, Optional<String> tag, boolean uid, Map<String, ImapValue> results)
            implements Untagged {
    }

    /** {@code * CAPABILITY ...}; the set compares case-insensitively. */
    record Capability(Generic generic, Set<String> capabilities) implements Untagged {
    }

    /** {@code * LIST|LSUB (flags) delimiter name}; delimiter empty for NIL. */
    record Listing(Generic generic, boolean lsub, Set<String> flags, Optional<String> delimiter, String name)
            implements Untagged {
    }

    /** {@code * STATUS mailbox (MESSAGES n UIDNEXT m ...)}; item names upper-cased, in order. */
    record MailboxStatus(Generic generic, String mailbox, Map<String, Long> items) implements Untagged {
    }

    /** {@code * ENABLED ...}. */
    record Enabled(Generic generic, Set<String> capabilities) implements Untagged {
    }

    /** Any other untagged response (NAMESPACE, ID, METADATA, QUOTA, ...), generic form only. */
    record Other(Generic generic) implements Untagged {
    }

    /**
     * {@code * n FETCH (key value ...)}: items in arrival order with typed accessors. Keys compare
     * case-insensitively; {@code BODY[...]} keys keep their section text and {@code <origin>}.
     */
    record Fetch(Generic generic, long sequence, List<FetchItem> items) implements Untagged {
        public Fetch {
            items = List.copyOf(items);
        }

        /** The value of the first item with this key (case-insensitive), e.g. {@code "RFC822.SIZE"}. */
        public Optional<ImapValue> item(String key) {
            for (FetchItem item : items) {
                if (item.key().equalsIgnoreCase(key)) {
                    return Optional.of(item.value());
                }
            }
            return Optional.empty();
        }

        /** Items as an ordered map (a later duplicate key replaces the earlier value). */
        public Map<String, ImapValue> asMap() {
            return FetchItems.asMap(items);
        }

        public Optional<Set<String>> flags() {
            return item("FLAGS").map(FetchItems::flagSet);
        }

        public OptionalLong uid() {
            return FetchItems.number(item("UID"));
        }

        public OptionalLong rfc822Size() {
            return FetchItems.number(item("RFC822.SIZE"));
        }

        public Optional<String> internalDate() {
            return item("INTERNALDATE").filter(v -> v instanceof Str).map(ImapValue::asText);
        }

        /** The ENVELOPE, if fetched; throws IllegalArgumentException if it has the wrong shape. */
        public Optional<Envelope> envelope() {
            return item("ENVELOPE").map(Envelope::from);
        }

        /**
         * The string of {@code BODY[section]} (also {@code BODY[section]<origin>}, {@code BINARY[...]}
         * and the RFC822 aliases for {@code ""}, {@code "HEADER"}, {@code "TEXT"}); section as in the
         * request, e.g. {@code ""}, {@code "HEADER"}, {@code "HEADER.FIELDS (FROM SUBJECT)"}, {@code "1.2"}.
         * Empty when absent or NIL.
         */
        public Optional<Str> body(String section) {
            return FetchItems.body(items, section);
        }

        /** BODYSTRUCTURE (or BODY without section) as the raw value. */
        public Optional<ImapValue> bodyStructure() {
            return item("BODYSTRUCTURE").or(() -> item("BODY"));
        }

        /** {@code MODSEQ (n)} (CONDSTORE). */
        public OptionalLong modseq() {
            return FetchItems.modseq(item("MODSEQ"));
        }
    }

    /** One {@code key value} pair of a FETCH response; {@code key} as received. */
    record FetchItem(String key, ImapValue value) {
        public FetchItem {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}
