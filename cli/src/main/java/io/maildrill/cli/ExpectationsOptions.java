package io.maildrill.cli;

import io.maildrill.report.model.Outcome;
import io.maildrill.report.model.RunResult;
import io.maildrill.run.Expectations;
import io.maildrill.suites.BundledExpectations;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How {@code check} grades against a server's known failures: which file (the bundled one named
 * after the target by default, one of the user's, or none), whether a listed failure that passes
 * fails the run, and writing the file a run implies.
 */
final class ExpectationsOptions {

    @Option(names = "--expectations", paramLabel = "FILE",
            description = "Known failures of the server (default: the bundled file named after the target, if any).")
    File expectationsFile;

    @Option(names = "--no-expectations",
            description = "Grade against no known failures at all, not even the bundled file named after the target.")
    boolean noExpectations;

    @Option(names = "--fail-fixed",
            description = "A script listed as a known failure that passes fails the run too (exit 1), so the file follows the server's fixes.")
    boolean failFixed;

    @Option(names = "--write-expectations", paramLabel = "FILE",
            description = "After the run, write the expectations file it implies: what failed is pinned (new failures marked "
                    + "UNTRIAGED for you to give the RFC reason), what passed is dropped. One target only; comments are not kept.")
    File writeExpectations;

    private Optional<Expectations> explicit = Optional.empty();

    /**
     * Checks the options and reads a given file, before anything connects: a mistake here is
     * found in a second, not after the whole run.
     */
    void validated(int targetCount) {
        if (noExpectations && expectationsFile != null) {
            throw new UserError("--expectations and --no-expectations: give one of them");
        }
        if (writeExpectations != null) {
            if (targetCount > 1) {
                throw new UserError("--write-expectations writes the file of one server; " + targetCount + " targets were given");
            }
            Path parent = writeExpectations.toPath().toAbsolutePath().getParent();
            if (!Files.isDirectory(parent) || !Files.isWritable(parent)) {
                throw new UserError("--write-expectations " + writeExpectations + ": cannot write into " + parent);
            }
        }
        if (noExpectations) {
            explicit = Optional.of(Expectations.none());
        } else if (expectationsFile != null) {
            try {
                explicit = Optional.of(Expectations.read(expectationsFile.toPath()));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
    }

    /** The known failures a target is graded by. */
    Expectations forTarget(String targetName) {
        return explicit.orElseGet(() -> BundledExpectations.forTarget(targetName));
    }

    /**
     * What follows a target's run: the implied file written if asked for, and with
     * {@code --fail-fixed} the listed scripts that passed named. True when those fail the run.
     */
    boolean afterRun(RunResult run, Expectations expectations, PrintWriter out) {
        if (writeExpectations != null) {
            try {
                Files.writeString(writeExpectations.toPath(), ExpectationsBaseline.of(run, expectations), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("--write-expectations " + writeExpectations + ": cannot write it (" + e + ")");
            }
            out.println("expectations written: " + writeExpectations.getAbsolutePath());
        }
        List<String> fixed = run.scripts().stream().filter(s -> s.outcome() == Outcome.FIXED).map(s -> s.scriptId()).toList();
        if (failFixed && !fixed.isEmpty()) {
            out.println(fixed.size() + " listed as known failure(s) but passed (--fail-fixed): remove them from "
                    + expectations.source() + ":");
            fixed.forEach(id -> out.println("- " + id));
        }
        out.flush();
        return failFixed && !fixed.isEmpty();
    }
}
