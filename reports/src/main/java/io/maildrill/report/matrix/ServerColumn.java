package io.maildrill.report.matrix;

import io.maildrill.report.model.RunResult;
import java.util.Objects;
import java.util.Optional;

/**
 * One server of a matrix: its name (the {@code servers/<name>} directory and the report
 * sub-directory), the version it reported, and either its conformance run or why there is none
 * (it could not be started or reached), and its benchmark figures when {@code --bench} asked for them.
 */
public record ServerColumn(String name, String version, Optional<RunResult> run, Optional<String> problem,
                           Optional<ServerPerformance> performance) {

    public ServerColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(performance, "performance");
        if (run.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("a server column has a run or a problem, not both or neither: " + name);
        }
    }

    public static ServerColumn ran(String name, String version, RunResult run) {
        return new ServerColumn(name, version, Optional.of(run), Optional.empty(), Optional.empty());
    }

    public static ServerColumn failed(String name, String version, String problem) {
        return new ServerColumn(name, version, Optional.empty(), Optional.of(problem), Optional.empty());
    }

    /** This column with the figures of its benchmark run. */
    public ServerColumn withPerformance(ServerPerformance figures) {
        return new ServerColumn(name, version, run, problem, Optional.of(figures));
    }

    /** "Dovecot 2.3.19" style heading: the name, and the version when known. */
    public String heading() {
        return version.isBlank() ? name : name + " " + version;
    }

    /** Where the server's own HTML report is, relative to the matrix files. */
    public String reportLink() {
        return name + "/maildrill-report.html";
    }
}
