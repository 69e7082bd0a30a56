package io.maildrill.cli;

import io.maildrill.net.ProtocolException;
import io.maildrill.target.TargetException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the failures a user can cause or meet (a bad target, an unreachable server, a refused
 * login) into one clear line on stderr and exit code 2. Anything else is a maildrill bug: it
 * gets its stack trace, because hiding that helps nobody.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        if (e instanceof TargetException || e instanceof ProtocolException || e instanceof UserError) {
            cli.getErr().println("maildrill " + cli.getCommandName() + ": " + e.getMessage());
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        cli.getErr().println("maildrill " + cli.getCommandName() + ": internal error (please report it):");
        e.printStackTrace(cli.getErr());
        return ExitCodes.USAGE_OR_CONNECTION;
    }
}
