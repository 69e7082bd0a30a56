package io.maildrill.pop3;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One POP3 command line: a verb and its arguments, or raw octets sent exactly as given, together
 * with the reply shape the client expects for it. Immutable.
 *
 * <p>Any verb is accepted ({@link #valueOf}), because a conformance harness must be able to send
 * what a server does not know. The expected reply shape follows RFC 1939/2449/5034 for the standard
 * verbs (multi-line: {@code CAPA}, {@code RETR}, {@code TOP}, and {@code LIST}, {@code UIDL},
 * {@code AUTH} without argument) and is given explicitly for raw lines.
 */
public final class Pop3Command {

    // Declared before the constants: their initialisation reads these sets.
    private static final Set<String> ALWAYS_MULTI_LINE = Set.of("CAPA", "RETR", "TOP");
    private static final Set<String> MULTI_LINE_WITHOUT_ARGUMENT = Set.of("LIST", "UIDL", "AUTH");
    private static final Set<String> CREDENTIAL_VERBS = Set.of("PASS", "APOP", "AUTH");

    public static final Pop3Command USER = cached("USER");
    public static final Pop3Command PASS = cached("PASS");
    public static final Pop3Command APOP = cached("APOP");
    public static final Pop3Command AUTH = cached("AUTH");
    public static final Pop3Command STLS = cached("STLS");
    public static final Pop3Command CAPA = cached("CAPA");
    public static final Pop3Command STAT = cached("STAT");
    public static final Pop3Command LIST = cached("LIST");
    public static final Pop3Command RETR = cached("RETR");
    public static final Pop3Command TOP = cached("TOP");
    public static final Pop3Command UIDL = cached("UIDL");
    public static final Pop3Command DELE = cached("DELE");
    public static final Pop3Command RSET = cached("RSET");
    public static final Pop3Command NOOP = cached("NOOP");
    public static final Pop3Command QUIT = cached("QUIT");

    private static final Map<String, Pop3Command> CACHE = Stream.of(
                    USER, PASS, APOP, AUTH, STLS, CAPA, STAT, LIST, RETR, TOP, UIDL, DELE, RSET, NOOP, QUIT)
            .collect(Collectors.toUnmodifiableMap(Pop3Command::verb, Function.identity()));

    private final String verb;
    private final List<String> args;
    private final byte[] raw;
    private final Pop3ResponseExpectation expectation;

    private Pop3Command(String verb, List<String> args, byte[] raw, Pop3ResponseExpectation expectation) {
        this.verb = verb;
        this.args = args;
        this.raw = raw;
        this.expectation = expectation;
    }

    private static Pop3Command cached(String verb) {
        return new Pop3Command(verb, List.of(), null, expectationFor(verb, List.of()));
    }

    /**
     * The command with this verb and no arguments: a cached constant for the standard verbs
     * (exact spelling), a new value otherwise (lower-case or unknown verbs are sent as given).
     */
    public static Pop3Command valueOf(String verb) {
        Pop3Command cached = CACHE.get(verb);
        return cached != null ? cached : of(verb);
    }

    /** A command line {@code verb SP arg SP arg ... CRLF}. */
    public static Pop3Command of(String verb, String... args) {
        Objects.requireNonNull(verb, "verb");
        if (verb.isEmpty() || verb.indexOf(' ') >= 0 || verb.indexOf('\r') >= 0 || verb.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("verb: \"" + verb + "\" (expected: one word without SP, CR or LF)");
        }
        List<String> list = List.of(args);
        for (String arg : list) {
            if (arg.indexOf('\r') >= 0 || arg.indexOf('\n') >= 0) {
                // A CR or LF would split the command into two on the wire; use raw() to send that on purpose.
                throw new IllegalArgumentException("argument of " + verb + " contains CR or LF (use Pop3Command.raw to send that)");
            }
        }
        return new Pop3Command(verb, list, null, expectationFor(verb, list));
    }

    /**
     * A command from a script line such as {@code "RETR 1"}: the first word is the verb, the rest
     * (split at each single SP, so repeated spaces survive) its arguments, and the reply shape is
     * derived from them. The encoder writes the line back exactly, plus CRLF.
     */
    public static Pop3Command fromLine(String line) {
        String[] words = line.split(" ", -1);
        return of(words[0], Arrays.copyOfRange(words, 1, words.length));
    }

    /** A text line sent as given, with CRLF appended, expecting the given reply shape. */
    public static Pop3Command rawLine(String line, Pop3ResponseExpectation expectation) {
        return raw((line + "\r\n").getBytes(StandardCharsets.UTF_8), expectation);
    }

    /**
     * Octets sent exactly as given (no CRLF added), expecting exactly one reply of the given shape.
     * Used for malformed input, bare LF, 8-bit bytes and SASL responses.
     */
    public static Pop3Command raw(byte[] bytes, Pop3ResponseExpectation expectation) {
        Objects.requireNonNull(expectation, "expectation");
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = 0;
        while (end < text.length() && " \r\n".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return new Pop3Command(text.substring(0, end), List.of(), bytes.clone(), expectation);
    }

    /** The same verb with these arguments (the reply shape is derived again). */
    public Pop3Command withArgs(String... newArgs) {
        if (raw != null) {
            throw new IllegalStateException("a raw command has no arguments");
        }
        return of(verb, newArgs);
    }

    /** The same command expecting another reply shape (for servers or extensions the rules do not cover). */
    public Pop3Command expecting(Pop3ResponseExpectation newExpectation) {
        return new Pop3Command(verb, args, raw, Objects.requireNonNull(newExpectation, "expectation"));
    }

    private static Pop3ResponseExpectation expectationFor(String verb, List<String> args) {
        String upper = verb.toUpperCase(Locale.ROOT);
        boolean multi = ALWAYS_MULTI_LINE.contains(upper) || (args.isEmpty() && MULTI_LINE_WITHOUT_ARGUMENT.contains(upper));
        return multi ? Pop3ResponseExpectation.MULTI_LINE_IF_OK : Pop3ResponseExpectation.SINGLE_LINE;
    }

    /** The verb as it will be sent (for a raw command: its first word, possibly empty). */
    public String verb() {
        return verb;
    }

    public List<String> args() {
        return args;
    }

    public boolean isRaw() {
        return raw != null;
    }

    /** The raw octets (a copy); empty for a verb-and-arguments command. */
    public byte[] rawBytes() {
        return raw == null ? new byte[0] : raw.clone();
    }

    /** Package-private zero-copy access for the encoder. */
    byte[] rawBytesUnsafe() {
        return raw;
    }

    public Pop3ResponseExpectation expectation() {
        return expectation;
    }

    public boolean expectsMultiLine() {
        return expectation == Pop3ResponseExpectation.MULTI_LINE_IF_OK;
    }

    /**
     * A description safe for exception messages and logs: arguments of credential commands and
     * the content of raw lines (which may be SASL responses) are left out.
     */
    public String describe() {
        if (raw != null) {
            return "raw line (" + raw.length + " octets)";
        }
        if (args.isEmpty() || CREDENTIAL_VERBS.contains(verb.toUpperCase(Locale.ROOT))) {
            return args.isEmpty() ? verb : verb + " ...";
        }
        return verb + " " + String.join(" ", args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pop3Command c && verb.equals(c.verb) && args.equals(c.args)
                && Arrays.equals(raw, c.raw) && expectation == c.expectation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(verb, args, Arrays.hashCode(raw), expectation);
    }

    @Override
    public String toString() {
        return describe();
    }
}
