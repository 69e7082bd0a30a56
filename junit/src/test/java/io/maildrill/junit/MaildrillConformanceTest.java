package io.maildrill.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.maildrill.target.EmbeddedGreenMail;
import io.maildrill.target.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

/**
 * What a server developer's run shows, seen through the JUnit engine itself: scripts with a known
 * outcome on GreenMail (verdicts/), each mapped to the JUnit outcome CI reads, grouped by promise,
 * pointing at the script's failing line; and the mistakes a developer can make, each named.
 */
class MaildrillConformanceTest {

    private static final Path VERDICTS = Path.of("src/test/resources/verdicts");

    private static EmbeddedGreenMail server;

    @BeforeAll
    static void start() {
        server = EmbeddedGreenMail.start(3);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void eachOutcomeBecomesTheJUnitOutcomeCiReads() {
        Map<String, Event> tests = finishedTests(run(() -> verdicts().tests()));

        assertThat(tests).containsOnlyKeys("imap/noop-answered.script", "imap/noop-refused.script",
                "imap/listed-and-failing.script", "imap/listed-and-passing.script", "imap/needs-capability.script",
                "imap/loads-a-fixture.script");
        assertThat(status(tests, "imap/noop-answered.script")).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(status(tests, "imap/loads-a-fixture.script")).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(status(tests, "imap/listed-and-passing.script")).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);

        assertThat(status(tests, "imap/noop-refused.script")).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(message(tests, "imap/noop-refused.script"))
                .contains("imap/noop-refused.script:11", "[session A]", "sent:", "NOOP", "expected:", "actual:", "OK");

        assertThat(status(tests, "imap/listed-and-failing.script")).isEqualTo(TestExecutionResult.Status.ABORTED);
        assertThat(message(tests, "imap/listed-and-failing.script"))
                .startsWith("known deviation: answers NOOP with OK where this script wants BAD")
                .contains("expectations.txt:2", "imap/listed-and-failing.script:11");

        assertThat(status(tests, "imap/needs-capability.script")).isEqualTo(TestExecutionResult.Status.ABORTED);
        assertThat(message(tests, "imap/needs-capability.script")).startsWith("skipped: ").contains("X-MAILDRILL-NOWHERE");
    }

    @Test
    void testsAreGroupedByPromiseAndPointAtTheFailingLine() {
        Events events = run(() -> verdicts().tests());

        Map<String, List<String>> byContainer = events.started().stream()
                .filter(e -> e.getTestDescriptor().isTest())
                .collect(Collectors.groupingBy(MaildrillConformanceTest::containerName,
                        java.util.LinkedHashMap::new, Collectors.mapping(MaildrillConformanceTest::name, Collectors.toList())));
        assertThat(byContainer).containsOnlyKeys("framing", "synchronisation", "deletion");
        assertThat(byContainer.get("framing")).containsExactly("imap/noop-answered.script", "imap/noop-refused.script");
        assertThat(byContainer.get("deletion")).containsExactly("imap/loads-a-fixture.script");

        TestSource failing = finishedTests(events).get("imap/noop-refused.script").getTestDescriptor().getSource().orElseThrow();
        assertThat(failing).isInstanceOf(FileSource.class);
        FileSource file = (FileSource) failing;
        assertThat(file.getFile().toPath()).isEqualTo(VERDICTS.resolve("imap/noop-refused.script").toAbsolutePath());
        assertThat(file.getPosition().orElseThrow().getLine()).isEqualTo(11);
        TestSource passing = finishedTests(events).get("imap/noop-answered.script").getTestDescriptor().getSource().orElseThrow();
        assertThat(((FileSource) passing).getPosition().orElseThrow().getLine()).isEqualTo(1);
    }

    @Test
    void aFixedDeviationFailsWhenAskedToSoTheFileFollowsTheServer() {
        Map<String, Event> tests = finishedTests(run(() -> verdicts().failWhenFixed().tests()));

        assertThat(status(tests, "imap/listed-and-passing.script")).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(message(tests, "imap/listed-and-passing.script"))
                .contains("passed, but it is listed as known failure", "expectations.txt:3", "remove that line");
    }

    @Test
    void anAccountThatIsNotForTestingKeepsItsMail() {
        Target readOnly = server.target().withAccounts(List.of());
        String password = server.target().defaultAccount().password();
        Map<String, Event> tests = finishedTests(run(() -> MaildrillConformance.target(readOnly)
                .account("user1", password)
                .scripts(VERDICTS).suites("imap/loads-a-fixture.script", "imap/noop-answered.script")
                .noExpectations().tests()));

        assertThat(status(tests, "imap/noop-answered.script")).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(status(tests, "imap/loads-a-fixture.script")).isEqualTo(TestExecutionResult.Status.ABORTED);
        assertThat(message(tests, "imap/loads-a-fixture.script")).contains("changes mailbox contents");
    }

    @Test
    void bundledScriptsPointAtTheirClasspathResource() {
        Map<String, Event> tests = finishedTests(run(() -> MaildrillConformance.target(server.target())
                .suites("imap/framing/capability-*.script").tests()));

        assertThat(tests).isNotEmpty();
        tests.forEach((id, event) -> {
            assertThat(status(tests, id)).as(id).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
            ClasspathResourceSource source = (ClasspathResourceSource) event.getTestDescriptor().getSource().orElseThrow();
            assertThat(source.getClasspathResourceName()).isEqualTo("scripts/" + id);
            assertThat(getClass().getResource("/" + source.getClasspathResourceName())).as(id).isNotNull();
        });
    }

    @Test
    void aRefusedLoginFailsTheFactoryNamingTheUserNotThePassword() {
        String wrong = "not-the-password-" + System.nanoTime();
        Target target = server.target().withAccounts(List.of());
        Events events = run(() -> MaildrillConformance.target(target).testAccount("user1", wrong)
                .scripts(VERDICTS).noExpectations().tests());

        String message = factoryFailure(events);
        assertThat(message).contains("login", "user1").doesNotContain(wrong);
        assertThat(events.started().stream().filter(e -> e.getTestDescriptor().isTest())).isEmpty();
    }

    @Test
    void aSelectionThatMatchesNothingSaysSo() {
        String message = factoryFailure(run(() -> verdicts().suites("pop3/**").tests()));

        assertThat(message).startsWith("no script matches the selection (suites [pop3/**]");
    }

    @Test
    void everyProblemOfABadScriptIsNamedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.script"), "@title no more\n@level OFTEN\n");

        String message = factoryFailure(run(() -> MaildrillConformance.target(server.target()).scripts(dir).tests()));

        assertThat(message).contains("problem(s) in the scripts, nothing was run", "bad.script:2");
    }

    @Test
    void noAccountsIsAMistakeNamedAtOnce() {
        String message = factoryFailure(run(() -> MaildrillConformance.target("imap://127.0.0.1:1").tests()));

        assertThat(message).startsWith("no accounts: add testAccount(user, password)");
    }

    private static MaildrillConformance verdicts() {
        return MaildrillConformance.target(server.target()).scripts(VERDICTS).expectations(VERDICTS.resolve("expectations.txt"));
    }

    private static Events run(Supplier<Stream<DynamicNode>> tests) {
        ConformanceFactory.tests = tests;
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(ConformanceFactory.class)).execute().allEvents();
    }

    private static Map<String, Event> finishedTests(Events events) {
        return events.finished().stream().filter(e -> e.getTestDescriptor().isTest())
                .collect(Collectors.toMap(MaildrillConformanceTest::name, e -> e));
    }

    private static TestExecutionResult.Status status(Map<String, Event> tests, String id) {
        return result(tests.get(id)).getStatus();
    }

    private static String message(Map<String, Event> tests, String id) {
        return result(tests.get(id)).getThrowable().map(Throwable::getMessage).orElse("");
    }

    /** The message the factory method failed with. */
    private static String factoryFailure(Events events) {
        Optional<Event> failed = events.finished().stream()
                .filter(e -> name(e).startsWith("conformance()"))
                .filter(e -> result(e).getStatus() == TestExecutionResult.Status.FAILED)
                .findFirst();
        assertThat(failed).as("the factory failed").isPresent();
        return result(failed.get()).getThrowable().map(Throwable::getMessage).orElse("");
    }

    private static TestExecutionResult result(Event event) {
        assertThat(event.getType()).isEqualTo(EventType.FINISHED);
        return event.getRequiredPayload(TestExecutionResult.class);
    }

    private static String name(Event event) {
        return event.getTestDescriptor().getDisplayName();
    }

    private static String containerName(Event test) {
        return test.getTestDescriptor().getParent().map(TestDescriptor::getDisplayName).orElse("?");
    }
}
