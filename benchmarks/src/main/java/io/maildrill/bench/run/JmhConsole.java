package io.maildrill.bench.run;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * JMH's output split in two: all of it to {@code jmh.log}, and to the console all of it but the
 * frames of stack traces, each run of frames replaced by one line naming the log. A benchmark that
 * throws because of what a server did (a refusal, a timeout) then shows on the console as JMH's
 * {@code <failure>} marker and the exception's own message, which says what the server sent, not
 * as fifty lines that look like maildrill crashed.
 *
 * <p>Lines are cut at {@link #MAX_LINE} bytes on the console (the log keeps them whole), so what
 * a forked JVM prints cannot grow the buffer without bound.
 */
final class JmhConsole extends OutputStream {

    static final String LOG = "jmh.log";
    static final int MAX_LINE = 4096;

    private static final Pattern FRAME = Pattern.compile("\\s+(at \\S.*|\\.\\.\\. \\d+ more)");

    private final PrintStream console;
    private final OutputStream log;
    private final Path logPath;
    private final byte[] line = new byte[MAX_LINE];
    private int length;
    private boolean cut;
    private int framesDropped;

    JmhConsole(PrintStream console, OutputStream log, Path logPath) {
        this.console = console;
        this.log = log;
        this.logPath = logPath;
    }

    /** Opens (replaces) {@code logPath} for a run's JMH output. */
    static JmhConsole open(PrintStream console, Path logPath) throws IOException {
        return new JmhConsole(console, new BufferedOutputStream(Files.newOutputStream(logPath)), logPath);
    }

    /** JMH's console format writing here, at JMH's normal verbosity. */
    OutputFormat format() {
        return OutputFormatFactory.createFormatInstance(new PrintStream(this, true, StandardCharsets.UTF_8), VerboseMode.NORMAL);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        log.write(b);
        take((byte) b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int count) throws IOException {
        log.write(bytes, offset, count);
        for (int i = offset; i < offset + count; i++) {
            take(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        log.flush();
        console.flush();
    }

    /** Ends a last unfinished line and a last run of frames; closes the log, not the console. */
    @Override
    public synchronized void close() throws IOException {
        if (length > 0 || cut) {
            endLine();
        }
        endFrames();
        console.flush();
        log.close();
    }

    private void take(byte b) {
        if (b == '\n') {
            endLine();
        } else if (length < MAX_LINE) {
            line[length++] = b;
        } else {
            cut = true;
        }
    }

    private void endLine() {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        String text = new String(line, 0, end, StandardCharsets.UTF_8);
        length = 0;
        boolean wasCut = cut;
        cut = false;
        if (FRAME.matcher(text).matches()) {
            framesDropped++;
            return;
        }
        endFrames();
        console.println(wasCut ? text + " ... (cut; the whole line is in " + logPath + ")" : text);
    }

    private void endFrames() {
        if (framesDropped > 0) {
            console.println("    (" + framesDropped + " line" + (framesDropped == 1 ? "" : "s") + " of stack trace in "
                    + logPath + ")");
            framesDropped = 0;
        }
    }
}
