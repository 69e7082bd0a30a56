package io.maildrill.load;

import io.maildrill.imap.ImapCommand;
import io.maildrill.imap.SequenceSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * What each step sends. The forms and the random choices are imaptest's (release-2.3,
 * {@code imap_client_plan_send_next_cmd}), so a profile of imaptest's mix costs the server what
 * imaptest's costs it; the one addition is {@code UID} in every FETCH, which the oracle needs to
 * tie what it is told to a message. Pure but for one counter: the session's state in, a command
 * (or none: the step has nothing to do) out.
 *
 * <p>Every APPEND starts with an {@value #APPEND_HEADER} header naming the run, the session and the
 * append, so no two messages appended by any run are alike. The corpus has a few hundred messages
 * and APPEND draws from them again and again; without it two appends of one corpus message would be
 * identical copies, which a POP3 server may give one unique-id (RFC 1939 §7), and the POP3 oracle
 * could not tell a message that survived a QUIT from a copy appended after it ({@link Pop3Oracle}).
 */
final class ImapStepCommands {

    private static final List<String> FETCH_ITEMS = List.of("UID", "FLAGS", "ENVELOPE", "INTERNALDATE", "BODY",
            "BODYSTRUCTURE", "RFC822.SIZE");
    private static final List<String> HEADER_FIELDS = List.of("From", "To", "Cc", "Subject", "References", "In-Reply-To",
            "Message-ID");
    private static final List<String> FETCH2_ITEMS = List.of("BODY.PEEK[HEADER]", "RFC822.HEADER", "BODY.PEEK[]",
            "BODY.PEEK[1]", "BODY.PEEK[TEXT]");
    private static final List<String> SYSTEM_FLAGS = List.of("\\Answered", "\\Flagged", "\\Seen", "\\Draft");
    private static final int LABELS = 5;
    /** imaptest's cap on the sequence numbers one FETCH names. */
    private static final int FETCH_DRAWS = 100;
    /** The header that makes each appended message unique; its value is {@code appender/n}. */
    static final String APPEND_HEADER = "X-Maildrill-Load-Append";

    private final String mailbox;
    private final int targetMessages;
    private final List<byte[]> messages;
    private final String appender;
    private long appended;

    /** {@code appender} names the run and the session in each APPEND's {@value #APPEND_HEADER} header. */
    ImapStepCommands(String mailbox, int targetMessages, List<byte[]> messages, String appender) {
        this.mailbox = mailbox;
        this.targetMessages = targetMessages;
        this.messages = messages;
        this.appender = appender;
    }

    /**
     * The command for {@code step} in a mailbox of {@code size} messages (as the session knows it),
     * or empty when the step has nothing to do now (a STORE that drew no message, an APPEND into a
     * mailbox already at its size).
     */
    Optional<ImapCommand> command(ImapStep step, int size, boolean condstore, SplittableRandom random) {
        return switch (step) {
            case LIST -> Optional.of(ImapCommand.builder("LIST").arg("").raw("*").build());
            case STATUS -> Optional.of(ImapCommand.builder("STATUS").arg(mailbox).raw("(MESSAGES UNSEEN RECENT)").build());
            case SELECT -> Optional.of(condstore ? ImapCommand.builder("SELECT").arg(mailbox).raw("(CONDSTORE)").build()
                    : ImapCommand.builder("SELECT").arg(mailbox).build());
            case FETCH -> Optional.of(ImapCommand.of("FETCH " + SequenceSet.format(drawn(size, Math.min(size, FETCH_DRAWS), random))
                    + " " + fetchItems(random)));
            case FETCH2 -> Optional.of(ImapCommand.of("FETCH " + (1 + random.nextInt(size)) + " (UID "
                    + FETCH2_ITEMS.get(random.nextInt(FETCH2_ITEMS.size())) + ")"));
            case STORE -> store(size, random);
            case DELETE -> delete(size, random);
            case EXPUNGE -> Optional.of(ImapCommand.of("EXPUNGE"));
            case APPEND -> append(size, random);
            case NOOP -> Optional.of(ImapCommand.of("NOOP"));
            case LOGOUT -> Optional.of(ImapCommand.of("LOGOUT"));
            case LOGIN -> throw new IllegalArgumentException("LOGIN carries the password: the session sends it");
            case IDLE -> throw new IllegalArgumentException("IDLE waits for DONE: the session sends it (idleAsync)");
        };
    }

    /** Whether APPEND has room: imaptest appends while the mailbox is below its size by more than an eighth. */
    boolean appendHasRoom(int size) {
        return size - size / 8 < targetMessages;
    }

    private String fetchItems(SplittableRandom random) {
        List<String> items = new ArrayList<>();
        items.add("UID");
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(4) < 3) {
                items.add(FETCH_ITEMS.get(random.nextInt(FETCH_ITEMS.size())));
            } else {
                items.add("BODY.PEEK[HEADER.FIELDS (" + String.join(" ", someOf(HEADER_FIELDS, 1 + random.nextInt(4), random))
                        + ")]");
            }
        }
        return "(" + String.join(" ", items) + ")";
    }

    private Optional<ImapCommand> store(int size, SplittableRandom random) {
        int bound = size < 10 ? size : Math.min(size / 5, 50);
        int picks = bound == 0 ? 0 : random.nextInt(bound);
        if (picks == 0) {
            return Optional.empty();
        }
        String form = switch (random.nextInt(3)) {
            case 0 -> "+FLAGS";
            case 1 -> "-FLAGS";
            default -> "FLAGS";
        };
        return Optional.of(ImapCommand.of("STORE " + SequenceSet.format(drawn(size, picks, random)) + " " + form
                + (random.nextBoolean() ? ".SILENT" : "") + " (" + String.join(" ", randomFlags(random)) + ")"));
    }

    private Optional<ImapCommand> delete(int size, SplittableRandom random) {
        int bound = 2 + (size > targetMessages + 5 ? size - targetMessages : 0);
        int picks = Math.min(size, random.nextInt(bound));
        if (picks == 0) {
            return Optional.empty();
        }
        return Optional.of(ImapCommand.of("STORE " + SequenceSet.format(drawn(size, picks, random)) + " +FLAGS"
                + (random.nextBoolean() ? ".SILENT" : "") + " (\\Deleted)"));
    }

    private Optional<ImapCommand> append(int size, SplittableRandom random) {
        if (!appendHasRoom(size)) {
            return Optional.empty();
        }
        ImapCommand.Builder builder = ImapCommand.builder("APPEND").arg(mailbox);
        if (random.nextBoolean()) {
            builder.raw("(" + String.join(" ", randomFlags(random)) + ")");
        }
        return Optional.of(builder.literal(unique(messages.get(random.nextInt(messages.size())))).build());
    }

    /**
     * The {@value #APPEND_HEADER} value of a message as a server returned it (it stays in the header
     * block, normally first); empty for a message this client did not append.
     */
    static Optional<String> appendIdOf(byte[] message) {
        byte[] name = (APPEND_HEADER + ":").getBytes(StandardCharsets.US_ASCII);
        int line = 0;
        while (line < message.length && message[line] != '\r' && message[line] != '\n') {
            int end = line;
            while (end < message.length && message[end] != '\n') {
                end++;
            }
            if (startsWithIgnoringCase(message, line, end, name)) {
                int valueEnd = end > line && message[end - 1] == '\r' ? end - 1 : end;
                return Optional.of(new String(message, line + name.length, valueEnd - line - name.length,
                        StandardCharsets.US_ASCII).strip());
            }
            line = end + 1;
        }
        return Optional.empty();
    }

    private static boolean startsWithIgnoringCase(byte[] bytes, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (Character.toLowerCase(bytes[from + i]) != Character.toLowerCase(prefix[i])) {
                return false;
            }
        }
        return true;
    }

    /** The corpus message with an {@value #APPEND_HEADER} header of its own first. */
    private byte[] unique(byte[] message) {
        byte[] header = (APPEND_HEADER + ": " + appender + "/" + ++appended + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + message.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(message, 0, out, header.length, message.length);
        return out;
    }

    /** Each system flag but \Deleted with one chance in two, each of $Label1..5 with one in four. */
    private static List<String> randomFlags(SplittableRandom random) {
        List<String> flags = new ArrayList<>();
        for (String flag : SYSTEM_FLAGS) {
            if (random.nextBoolean()) {
                flags.add(flag);
            }
        }
        for (int i = 1; i <= LABELS; i++) {
            if (random.nextInt(4) == 0) {
                flags.add("$Label" + i);
            }
        }
        return flags;
    }

    /** {@code draws} sequence numbers in 1..size drawn with repeats. */
    private static TreeSet<Long> drawn(int size, int draws, SplittableRandom random) {
        TreeSet<Long> numbers = new TreeSet<>();
        for (int i = 0; i < draws; i++) {
            numbers.add(1L + random.nextInt(size));
        }
        return numbers;
    }

    private static List<String> someOf(List<String> from, int count, SplittableRandom random) {
        List<String> pool = new ArrayList<>(from);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count && !pool.isEmpty(); i++) {
            out.add(pool.remove(random.nextInt(pool.size())));
        }
        return out;
    }
}
