package io.maildrill.transcript;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every byte exchanged on one session, in order, time-stamped, with credentials redacted
 * before they are stored. Thread-safe: the Netty event loop appends, the runner reads.
 *
 * <p>Redaction happens on the way in (see {@link CredentialRedactor}), so a password never
 * reaches memory that a report writer could later read.
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

    /** Large payloads (a multi-megabyte literal) are cut to this length plus a marker, to bound memory. */
    public static final int MAX_ENTRY_BYTES = 64 * 1024;

    private final String sessionName;
    private final Clock clock;
    private final CredentialRedactor redactor;
    private final List<Entry> entries = new ArrayList<>();
    private boolean enabled = true;

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
            entries.add(new Entry(clock.instant(), Direction.CLIENT, cap(redactor.redactClientLine(bytes))));
        }
    }

    public synchronized void serverSent(byte[] bytes) {
        if (enabled) {
            entries.add(new Entry(clock.instant(), Direction.SERVER, cap(bytes)));
        }
    }

    public synchronized void note(String text) {
        entries.add(new Entry(clock.instant(), Direction.NOTE, text.getBytes(StandardCharsets.UTF_8)));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The last {@code n} lines, rendered as {@code C: }/{@code S: }/{@code #: } lines for failure messages. */
    public synchronized List<String> lastLines(int n) {
        List<String> lines = render();
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }

    /** The whole transcript as prefixed lines, for reports. */
    public synchronized List<String> render() {
        List<String> lines = new ArrayList<>();
        // TCP delivers a line in as many reads as it likes: join consecutive chunks of one
        // direction first, so a line split across two reads renders as one line.
        StringBuilder run = new StringBuilder();
        Direction runDirection = null;
        for (Entry e : entries) {
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

    private static byte[] cap(byte[] bytes) {
        if (bytes.length <= MAX_ENTRY_BYTES) {
            return bytes;
        }
        byte[] marker = ("\r\n[... " + (bytes.length - MAX_ENTRY_BYTES) + " more octets not kept ...]\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[MAX_ENTRY_BYTES + marker.length];
        System.arraycopy(bytes, 0, out, 0, MAX_ENTRY_BYTES);
        System.arraycopy(marker, 0, out, MAX_ENTRY_BYTES, marker.length);
        return out;
    }
}
