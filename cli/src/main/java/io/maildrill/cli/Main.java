package io.maildrill.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code maildrill} command: conformance checks, benchmarks, provisioning, reports. */
@Command(name = "maildrill", mixinStandardHelpOptions = true, version = "maildrill 0.1.0",
        description = "POP3/IMAP conformance and load-testing harness.",
        subcommands = {CheckCommand.class, MatrixCommand.class, CatalogCommand.class, SeedCommand.class, LoadCommand.class, BenchCommand.class,
                ReportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The process's own standard error, unfiltered: only seed's progress bar writes to it (it needs CR). */
    private static final PrintStream PROGRESS = System.err;

    public static void main(String[] args) {
        // All console output, also JMH's and what any library prints, goes through the terminal filter.
        System.setOut(TerminalSafeOutputStream.printStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out))));
        System.setErr(TerminalSafeOutputStream.printStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.err))));
        System.exit(run(args));
    }

    /** The stream a progress bar may redraw with carriage returns; it carries no server text. */
    static PrintStream progressStream() {
        return PROGRESS;
    }

    /** Runs the command line writing through the terminal filter to these streams (what main does). */
    static int run(OutputStream out, OutputStream err, String... args) {
        return run(new PrintWriter(TerminalSafeOutputStream.printStream(out), true),
                new PrintWriter(TerminalSafeOutputStream.printStream(err), true), args);
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line writing to the given streams. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main()).setOut(out).setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true) // --via imap, as --help spells it
                // no ANSI styles: the terminal filter would show their ESC bytes as text
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        // Usage errors exit 2, like every other "you asked for something that cannot be done".
        cli.setExitCodeExceptionMapper(e -> ExitCodes.USAGE_OR_CONNECTION);
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE_OR_CONNECTION);
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
