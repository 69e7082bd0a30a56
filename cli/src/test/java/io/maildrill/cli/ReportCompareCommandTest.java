package io.maildrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCompareCommandTest {

    @TempDir
    Path dir;

    private static String run(String benchmark, double score) {
        return "[{\"benchmark\":\"io.maildrill.bench.imap.ImapReadBench." + benchmark + "\",\"mode\":\"thrpt\",\"threads\":1,"
                + "\"params\":{\"client\":\"maildrill\",\"mailboxSize\":\"10000\"},"
                + "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":0.1,\"scoreUnit\":\"ops/s\"},\"secondaryMetrics\":{}}]";
    }

    @Test
    void comparesRunsWithSpeedUpsAgainstTheFirstAndWritesMarkdown() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Path a = Files.writeString(dir.resolve("a/jmh-threads1.json"), run("imapEnvelope", 10));
        Path b = Files.writeString(dir.resolve("b/jmh-threads1.json"), run("imapEnvelope", 25));
        Path out = dir.resolve("cmp.md");

        int code = Main.run("report", "compare", a.toString(), b.toString(), "--output", out.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(out)).contains("| jmh-threads1.json | b/jmh-threads1.json | vs jmh-threads1.json |")
                .contains("| imapEnvelope | client=maildrill mailboxSize=10000 threads=1 | thrpt | ops/s | 10.0 | 25.0 | 2.50× |");
    }

    @Test
    void unreadableOrInvalidFilesAreUsageErrors() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{}");
        assertThat(Main.run("report", "compare", bad.toString(), bad.toString())).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(Main.run("report", "compare", dir.resolve("missing.json").toString(), bad.toString()))
                .isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(Main.run("report", "compare", bad.toString())).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
    }

    @Test
    void sameFileNamesAreTellApartByDirectory() {
        assertThat(ReportCompareCommand.uniqueName(new File("/x/run2/r.json"), List.of("r.json"))).isEqualTo("run2/r.json");
    }
}
