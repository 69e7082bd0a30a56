package io.maildrill.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code maildrill report}: works on result files already written (see its subcommands). */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Work with result files.",
        subcommands = {ReportCompareCommand.class, ReportMergeCommand.class})
public final class ReportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
