package io.maildrill.suites;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.run.Expectations;
import io.maildrill.run.Expectations.KnownFailure;
import io.maildrill.suites.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bundled known failure is a claim that a server deviates from an RFC, so it must say which
 * requirement and where the RFC states it; an entry that names no script any more would silently
 * grade nothing.
 */
class BundledExpectationsTest {

    private static final Pattern CATALOG_ID = Pattern.compile("\\b[PISD]\\d{2}\\b");
    private static final Pattern RFC_SECTION = Pattern.compile("RFC \\d{3,4}(?: §| \\()");

    @ParameterizedTest
    @ValueSource(strings = {"dovecot", "cyrus", "courier", "mailutils", "james", "greenmail"})
    void everyKnownFailureNamesABundledScriptACatalogIdAndTheRfcSection(String server) {
        Expectations expectations = BundledExpectations.forTarget(server);
        Set<String> scriptIds = ScriptLibrary.bundled().stream().map(ScriptSource::id).collect(Collectors.toSet());
        Catalog catalog = Catalog.bundled();

        List<String> problems = new ArrayList<>();
        for (KnownFailure entry : expectations.entries()) {
            String where = expectations.source() + ":" + entry.line() + ": ";
            if (scriptIds.stream().noneMatch(id -> covers(entry, id))) {
                problems.add(where + entry.pattern() + " names no bundled script");
            }
            List<String> ids = catalogIds(entry.reason());
            if (ids.isEmpty() || !ids.stream().allMatch(catalog::contains)) {
                problems.add(where + "catalog IDs " + ids + " (expected at least one, all in the catalog)");
            }
            if (!RFC_SECTION.matcher(entry.reason()).find()) {
                problems.add(where + "names no RFC section");
            }
        }
        assertThat(expectations.entries()).isNotEmpty();
        assertThat(problems).isEmpty();
    }

    private static boolean covers(KnownFailure entry, String scriptId) {
        return Expectations.parse("one entry", entry.pattern() + " " + entry.reason()).lookup(scriptId).isPresent();
    }

    private static List<String> catalogIds(String reason) {
        Matcher m = CATALOG_ID.matcher(reason);
        return m.results().map(r -> r.group()).toList();
    }
}
