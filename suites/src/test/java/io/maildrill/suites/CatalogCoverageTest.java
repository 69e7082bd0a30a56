package io.maildrill.suites;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.run.ParsedScript;
import io.maildrill.suites.catalog.Catalog;
import io.maildrill.suites.catalog.CatalogEntry;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The catalog says why each requirement no bundled script covers is not covered, and says it only
 * for those: a reason left on a requirement that scripts now cover would mislead.
 */
class CatalogCoverageTest {

    @Test
    void everyUncoveredRequirementSaysWhyAndNoCoveredOneDoes() throws Exception {
        Catalog catalog = Catalog.bundled();
        Set<String> covered = new TreeSet<>();
        for (ParsedScript script : ScriptLibrary.parse(ScriptLibrary.bundled())) {
            covered.addAll(script.script().metadata().covers());
        }
        Set<String> uncoveredWithoutReason = new TreeSet<>();
        Set<String> coveredWithReason = new TreeSet<>();
        for (CatalogEntry entry : catalog.entries()) {
            boolean isCovered = covered.contains(entry.id());
            if (!isCovered && entry.notCovered().isEmpty()) {
                uncoveredWithoutReason.add(entry.id());
            }
            if (isCovered && entry.notCovered().isPresent()) {
                coveredWithReason.add(entry.id());
            }
        }
        assertThat(uncoveredWithoutReason).as("uncovered IDs need a 'Not covered by a script:' line in the catalog").isEmpty();
        assertThat(coveredWithReason).as("covered IDs must not keep a 'Not covered by a script:' line").isEmpty();
    }
}
