package io.maildrill.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.LoggerFactory;

/**
 * Where the embedded GreenMail's own output goes while it runs: its log, and the stack traces of
 * the connection threads it lets an exception end (whenever a client hangs up first, as many
 * scripts do on purpose), go to a file instead of the console, where they would read as if
 * maildrill had crashed. Outside such a run GreenMail's logger is off ({@code logback.xml}), and
 * its dying threads are dropped. Any other thread's uncaught exception is printed as the JVM
 * would print it.
 */
final class EmbeddedServerLog implements AutoCloseable {

    private static final String GREENMAIL = "com.icegreen";

    private final Path file;
    private final FileAppender<ILoggingEvent> appender;

    private EmbeddedServerLog(Path file, FileAppender<ILoggingEvent> appender) {
        this.file = file;
        this.appender = appender;
    }

    /** Starts sending GreenMail's output to {@code file} (created or truncated). */
    static EmbeddedServerLog open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UserError("cannot write the embedded server's log " + file + " (" + e.getMessage() + ")");
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("embedded-server");
        appender.setFile(file.toString());
        appender.setAppend(false);
        appender.setEncoder(encoder);
        appender.start();
        Logger greenmail = context.getLogger(GREENMAIL);
        greenmail.setAdditive(false);
        greenmail.addAppender(appender);
        greenmail.setLevel(Level.INFO);
        GreenMailThreads.install();
        return new EmbeddedServerLog(file, appender);
    }

    Path file() {
        return file;
    }

    /** Whether anything was logged (a short run on a quiet server may log nothing). */
    boolean isEmpty() {
        try {
            return !Files.exists(file) || Files.size(file) == 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        Logger greenmail = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(GREENMAIL);
        greenmail.setLevel(Level.OFF);
        greenmail.detachAppender(appender);
        appender.stop();
    }

    /** Routes the uncaught exceptions of GreenMail's threads to its logger, once per JVM. */
    private static final class GreenMailThreads implements Thread.UncaughtExceptionHandler {

        private final Thread.UncaughtExceptionHandler previous;

        private GreenMailThreads(Thread.UncaughtExceptionHandler previous) {
            this.previous = previous;
        }

        static synchronized void install() {
            if (!(Thread.getDefaultUncaughtExceptionHandler() instanceof GreenMailThreads)) {
                Thread.setDefaultUncaughtExceptionHandler(new GreenMailThreads(Thread.getDefaultUncaughtExceptionHandler()));
            }
        }

        @Override
        public void uncaughtException(Thread thread, Throwable e) {
            if (Arrays.stream(e.getStackTrace()).anyMatch(frame -> frame.getClassName().startsWith(GREENMAIL))) {
                LoggerFactory.getLogger(GREENMAIL + ".threads").warn("thread {} ended", thread.getName(), e);
            } else if (previous != null) {
                previous.uncaughtException(thread, e);
            } else {
                // what the JVM prints when no handler is set
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        }
    }
}
