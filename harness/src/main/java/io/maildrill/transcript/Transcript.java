package io.maildrill.transcript;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every byte exchanged on one session, in order, time-stamped, with credentials redacted
 * before they are stored. Thread-safe: the Netty event loop appends, the runner reads.
 *
 * <p>Redaction happens on the way in (see {@link CredentialRedactor}), so a password never
 * reaches memory that a report writer could later read.
 *
 * <p>Memory is bounded whatever a server sends: of each run of one direction (the octets between
 * two turns of the conversation, such as a 256 MiB literal) the first {@value #RUN_HEAD_BYTES}
 * are kept, then only the count, SHA-256 and last {@value #RUN_TAIL_BYTES} octets of the rest
 * ({@link OmittedBytes}); once {@value #KEPT_BYTES} octets are kept in all, runs keep only that
 * summary and tail.
 */
public final class Transcript {

    /** Which way the bytes went. */
    public enum Direction { CLIENT, SERVER, NOTE }

    /** One chunk of traffic (or a harness note such as "TLS started", "connection closed"). */
    public record Entry(Instant at, Direction direction, byte[] bytes) {
        public Entry {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    public static final int RUN_HEAD_BYTES = 64 * 1024;
    public static final int RUN_TAIL_BYTES = 16 * 1024;
    public static final long KEPT_BYTES = 4L * 1024 * 1024;

    private final String sessionName;
    private final Clock clock;
    private final CredentialRedactor redactor;
    private final List<Entry> entries = new ArrayList<>();
    private boolean enabled = true;
    // the run being recorded: its direction, how much of it is kept, and what is not
    private Direction runDirection;
    private long runKept;
    private long totalKept;
    private OmittedBytes omitted;

    public Transcript(String sessionName, CredentialRedactor redactor) {
        this(sessionName, redactor, Clock.systemUTC());
    }

    public Transcript(String sessionName, CredentialRedactor redactor, Clock clock) {
        this.sessionName = sessionName;
        this.redactor = redactor;
        this.clock = clock;
    }

    /** The redactor applied to client traffic; sessions register secrets and SASL state with it. */
    public CredentialRedactor redactor() {
        return redactor;
    }

    public String sessionName() {
        return sessionName;
    }

    /** Benchmarks switch recording off: a million FETCH responses are not worth keeping. */
    public synchronized void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether traffic is recorded; recorders check it first to skip copying bytes that would be dropped. */
    public synchronized boolean isEnabled() {
        return enabled;
    }

    public synchronized void clientSent(byte[] bytes) {
        if (enabled) {
            record(Direction.CLIENT, redactor.redactClientLine(bytes));
        }
    }

    public synchronized void serverSent(byte[] bytes) {
        if (enabled) {
            record(Direction.SERVER, bytes);
        }
    }

    public synchronized void note(String text) {
        closeRun();
        runDirection = null;
        entries.add(new Entry(clock.instant(), Direction.NOTE, text.getBytes(StandardCharsets.UTF_8)));
    }

    private void record(Direction direction, byte[] bytes) {
        if (direction != runDirection) {
            closeRun();
            runDirection = direction;
        }
        long room = Math.max(0, Math.min(RUN_HEAD_BYTES - runKept, KEPT_BYTES - totalKept));
        int keep = (int) Math.min(room, bytes.length);
        if (keep > 0) {
            entries.add(new Entry(clock.instant(), direction, keep == bytes.length ? bytes : Arrays.copyOf(bytes, keep)));
            runKept += keep;
            totalKept += keep;
        }
        if (keep < bytes.length) {
            if (omitted == null) {
                omitted = new OmittedBytes(RUN_TAIL_BYTES);
            }
            omitted.add(bytes, keep, bytes.length - keep);
        }
    }

    /** Ends the current run: what was not kept of it becomes a note and its tail. */
    private void closeRun() {
        entries.addAll(pendingSummary());
        if (omitted != null && !omitted.isEmpty()) {
            totalKept += RUN_TAIL_BYTES;
        }
        omitted = null;
        runKept = 0;
    }

    /** The summary and tail of the run in progress, if it has outgrown its head. */
    private List<Entry> pendingSummary() {
        if (omitted == null || omitted.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        // past twice the budget even tails go: a transcript then holds the notes that something was there
        boolean withTail = totalKept <= 2 * KEPT_BYTES;
        Entry note = new Entry(now, Direction.NOTE, ("... " + omitted.describe(withTail)).getBytes(StandardCharsets.UTF_8));
        return withTail ? List.of(note, new Entry(now, runDirection, omitted.tail())) : List.of(note);
    }

    /** What was recorded so far, the run in progress summarised as it would be when it ends. */
    public synchronized List<Entry> entries() {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(pendingSummary());
        return all;
    }

    /** Longest line {@link #lastLines} shows; the rest of a longer one is counted, not shown. */
    public static final int FAILURE_LINE_CHARS = 1000;

    /**
     * The last {@code n} lines, rendered as {@code C: }/{@code S: }/{@code #: } lines for failure
     * messages, each cut at {@link #FAILURE_LINE_CHARS}: a failure quotes many lines into consoles,
     * logs and reports, where a 10 MiB line would drown the verdict (the transcript keeps it whole).
     */
    public synchronized List<String> lastLines(int n) {
        List<String> lines = render();
        List<String> last = new ArrayList<>();
        for (String line : lines.subList(Math.max(0, lines.size() - n), lines.size())) {
            last.add(line.length() <= FAILURE_LINE_CHARS ? line : line.substring(0, FAILURE_LINE_CHARS)
                    + "... (" + (line.length() - FAILURE_LINE_CHARS) + " more characters in the transcript)");
        }
        return last;
    }

    /** The whole transcript as prefixed lines, for reports. */
    public synchronized List<String> render() {
        List<String> lines = new ArrayList<>();
        // TCP delivers a line in as many reads as it likes: join consecutive chunks of one
        // direction first, so a line split across two reads renders as one line.
        StringBuilder run = new StringBuilder();
        Direction runDirection = null;
        for (Entry e : entries()) {
            if (e.direction() != runDirection || e.direction() == Direction.NOTE) {
                addLines(lines, runDirection, run);
                run.setLength(0);
                runDirection = e.direction();
            }
            run.append(e.text());
            if (e.direction() == Direction.NOTE) {
                run.append('\n');
            }
        }
        addLines(lines, runDirection, run);
        return lines;
    }

    private static void addLines(List<String> lines, Direction direction, CharSequence text) {
        if (direction == null) {
            return;
        }
        String prefix = switch (direction) {
            case CLIENT -> "C: ";
            case SERVER -> "S: ";
            case NOTE -> "#: ";
        };
        String[] split = text.toString().split("\r\n|\n", -1);
        // The element after the last line end is the unterminated rest: empty when the text ends with
        // a line end. Every other line is kept, an empty one visibly, since an extra blank line can be
        // exactly what a server got wrong.
        int count = split[split.length - 1].isEmpty() ? split.length - 1 : split.length;
        for (int i = 0; i < count; i++) {
            lines.add(prefix + (split[i].isEmpty() ? EMPTY_LINE : split[i]));
        }
    }

    /** How an empty line (a bare line end) is shown after its direction prefix. */
    public static final String EMPTY_LINE = "<empty line>";
}
