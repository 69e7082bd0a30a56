package io.maildrill.report.markdown;

import io.maildrill.report.SampleRuns;
import io.maildrill.report.model.RunResult;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownSummaryWriterTest {

    private final RunResult run = SampleRuns.all();
    private final String md = new MarkdownSummaryWriter().render(run);
    private final List<String> lines = md.lines().toList();

    @Test
    void startsWithTheVerdict() {
        assertThat(lines.get(0)).isEqualTo("## ❌ maildrill: 3 new failures — GreenMail 2.1.13 (embedded)");
        assertThat(lines.get(2)).startsWith("8 scripts · 2 passed · 2 failed · 1 error").contains("pass rate 43%");
    }

    @Test
    void promiseTableHasOneRowPerPromiseAndConsistentColumns() {
        List<String> table = lines.stream().filter(l -> l.startsWith("|")).toList();
        assertThat(table).hasSize(2 + 6);
        assertThat(table.get(0)).isEqualTo("| promise | scripts | passed | failed | error | expected failure | skipped | fixed |");
        assertThat(table.get(1)).matches("\\|---\\|(---:\\|){7}");
        for (String row : table) {
            assertThat(cells(row)).as(row).hasSize(8);
        }
        assertThat(table).contains("| deletion | 2 | 1 | **1** | · | · | · | · |", "| headers-only fetch | 1 | · | · | · | · | · | 1 |");
    }

    @Test
    void listsNewFailuresWithLocationAndCatalogIds() {
        String failures = md.substring(md.indexOf("### New failures"), md.indexOf("### Fixed"));

        assertThat(failures).contains("- `pop3/deletion/abort-keeps-messages.script:14` (P31) — Dropped connection deletes nothing: "
                + "session B, expected `+OK 3 *`, got `+OK 2 1840`");
        assertThat(failures).contains("- **error** `imap/errors/bad-tag.script` (I5) — Malformed tag gets BAD: connection reset by peer after 2 s");
        assertThat(failures).contains("`cross/pop3-dele-visible-in-imap.script:22` (I104)");
        assertThat(failures.lines().filter(l -> l.startsWith("- "))).hasSize(3);
    }

    @Test
    void collapsesExpectedFailuresAndSkipsInDetails() {
        assertThat(md).contains("<details><summary>Expected failures (1)</summary>\n\n- `pop3/locking/second-login-in-use.script:9` (P14)");
        assertThat(md).contains("GreenMail does not lock the maildrop (issue \\#123)\n\n</details>");
        assertThat(md).contains("<details><summary>Skipped (1)</summary>");
    }

    @Test
    void serverTextCannotInjectMarkupOrBreakLines() {
        assertThat(md).doesNotContain("\u001b");
        // Inside code spans GitHub renders markup as text; outside them no raw tag may appear.
        String outsideCode = md.replaceAll("(`+)(?s:.*?)\\1", "");
        assertThat(outsideCode).doesNotContain("<script").doesNotContain("'x'");
        String crossLine = md.lines().filter(l -> l.contains("cross/pop3-dele")).findFirst().orElseThrow();
        assertThat(crossLine).contains("`S: * OK <script>alert('x')</script> & \"quoted\" 'single' \\x1B[31mred");
    }

    @Test
    void codeSpansSurviveBackticksAndPipes() {
        assertThat(MarkdownText.code("a`b")).isEqualTo("``a`b``");
        assertThat(MarkdownText.code("`x`")).isEqualTo("`` `x` ``");
        assertThat(MarkdownText.code("a|b")).isEqualTo("`a\\|b`");
        assertThat(MarkdownText.text("<b>*x*</b>")).isEqualTo("&lt;b&gt;\\*x\\*&lt;/b&gt;");
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.length() - 1);
        return Arrays.asList(inner.split("(?<!\\\\)\\|", -1));
    }
}
