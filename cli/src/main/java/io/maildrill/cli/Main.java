package io.maildrill.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code maildrill} command: conformance checks, benchmarks, provisioning, reports. */
@Command(name = "maildrill", mixinStandardHelpOptions = true, version = "maildrill 0.1.0",
        description = "POP3/IMAP conformance and load-testing harness.",
        subcommands = {CheckCommand.class, MatrixCommand.class, CatalogCommand.class, SeedCommand.class, BenchCommand.class,
                ReportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line writing to the given streams. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main()).setOut(out).setErr(err);
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
