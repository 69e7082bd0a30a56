package io.maildrill.report.junit;

import io.maildrill.report.SampleRuns;
import io.maildrill.report.model.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JUnitXmlWriterTest {

    @TempDir
    Path dir;

    private final RunResult run = SampleRuns.all();

    @Test
    void writesOneSurefireFilePerScriptDirectory() throws Exception {
        List<Path> files = new JUnitXmlWriter().write(run, dir);

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
                "TEST-maildrill.pop3.deletion.xml", "TEST-maildrill.pop3.locking.xml", "TEST-maildrill.imap.sync.xml",
                "TEST-maildrill.imap.headers.xml", "TEST-maildrill.imap.errors.xml", "TEST-maildrill.cross.xml");
        int tests = 0;
        for (Path file : files) {
            Element suite = parse(file).getDocumentElement();
            assertThat(suite.getTagName()).isEqualTo("testsuite");
            for (String attribute : List.of("name", "tests", "failures", "errors", "skipped", "time", "timestamp", "hostname")) {
                assertThat(suite.hasAttribute(attribute)).as(file + " @" + attribute).isTrue();
            }
            assertThat(suite.getAttribute("timestamp")).isEqualTo("2025-03-01T10:15:30");
            assertThat(suite.getAttribute("hostname")).isEqualTo("ci-runner-1");
            assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(children(suite, "testcase").size());
            tests += Integer.parseInt(suite.getAttribute("tests"));
        }
        assertThat(tests).isEqualTo(run.scripts().size());
    }

    @Test
    void countsAndElementsFollowTheOutcomeMapping() throws Exception {
        new JUnitXmlWriter().write(run, dir);

        Element deletion = parse(dir.resolve("TEST-maildrill.pop3.deletion.xml")).getDocumentElement();
        assertThat(deletion.getAttribute("name")).isEqualTo("maildrill.pop3.deletion");
        assertThat(deletion.getAttribute("tests")).isEqualTo("2");
        assertThat(deletion.getAttribute("failures")).isEqualTo("1");
        assertThat(deletion.getAttribute("errors")).isEqualTo("0");
        assertThat(deletion.getAttribute("skipped")).isEqualTo("0");
        Element failed = testcase(deletion, "abort-keeps-messages.script");
        assertThat(failed.getAttribute("classname")).isEqualTo("maildrill.pop3.deletion");
        assertThat(failed.getAttribute("time")).matches("\\d+\\.\\d{3}");
        Element failure = children(failed, "failure").get(0);
        assertThat(failure.getAttribute("type")).isEqualTo(JUnitXmlWriter.FAILURE_TYPE);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("pop3/deletion/abort-keeps-messages.script:14: expected +OK 3 *, got +OK 2 1840");
        assertThat(failure.getTextContent()).contains("[session B]", "sent:     STAT", "catalog:  P31");

        Element locking = parse(dir.resolve("TEST-maildrill.pop3.locking.xml")).getDocumentElement();
        assertThat(locking.getAttribute("skipped")).isEqualTo("1");
        assertThat(locking.getAttribute("failures")).isEqualTo("0");
        assertThat(children(testcase(locking, "second-login-in-use.script"), "skipped").get(0).getAttribute("message"))
                .isEqualTo("expected failure: GreenMail does not lock the maildrop (issue #123)");

        Element sync = parse(dir.resolve("TEST-maildrill.imap.sync.xml")).getDocumentElement();
        assertThat(sync.getAttribute("skipped")).isEqualTo("1");
        assertThat(children(testcase(sync, "idle-exists.script"), "skipped").get(0).getAttribute("message"))
                .isEqualTo("server lacks capability IDLE");

        Element errors = parse(dir.resolve("TEST-maildrill.imap.errors.xml")).getDocumentElement();
        assertThat(errors.getAttribute("errors")).isEqualTo("1");
        Element error = children(testcase(errors, "bad-tag.script"), "error").get(0);
        assertThat(error.getAttribute("type")).isEqualTo(JUnitXmlWriter.ERROR_TYPE);
        assertThat(error.getAttribute("message")).isEqualTo("connection reset by peer after 2 s");

        Element headers = parse(dir.resolve("TEST-maildrill.imap.headers.xml")).getDocumentElement();
        Element fixed = testcase(headers, "envelope-no-seen.script");
        assertThat(children(fixed, "failure")).isEmpty();
        assertThat(children(fixed, "skipped")).isEmpty();
        assertThat(children(fixed, "system-out").get(0).getTextContent()).contains("FIXED: listed as a known failure");
        assertThat(headers.getAttribute("failures") + headers.getAttribute("errors") + headers.getAttribute("skipped"))
                .isEqualTo("000");
    }

    @Test
    void hostileServerTextSurvivesAsVisibleEscapedText() throws Exception {
        new JUnitXmlWriter().write(run, dir);

        Path file = dir.resolve("TEST-maildrill.cross.xml");
        String raw = Files.readString(file);
        assertThat(raw).doesNotContain("\u001b", "\u0000", "\u0007", "<script>");
        Element suite = parse(file).getDocumentElement();
        Element testcase = testcase(suite, "pop3-dele-visible-in-imap.script");
        String out = children(testcase, "system-out").get(0).getTextContent();
        assertThat(out).contains("<script>alert('x')</script> & \"quoted\" 'single' \\x1B[31mred\\x00\\x07\\x7F\\x85");
        assertThat(children(testcase, "failure").get(0).getAttribute("message")).contains("<script>alert('x')</script>");
        assertThat(children(suite, "properties").get(0).getElementsByTagName("property").getLength()).isGreaterThanOrEqualTo(5);
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static Element testcase(Element suite, String name) {
        return children(suite, "testcase").stream().filter(e -> e.getAttribute("name").equals(name)).findFirst().orElseThrow();
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }
}
