package io.maildrill.suites.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void bundledCatalogHasEveryFamilyWithLevelsAndSources() {
        Catalog catalog = Catalog.bundled();
        assertThat(catalog.entries()).hasSizeGreaterThan(140);
        CatalogEntry p25 = catalog.entry("P25").orElseThrow();
        assertThat(p25.level()).isEqualTo("MUST");
        assertThat(p25.requirement()).startsWith("`DELE n` only marks the message");
        assertThat(p25.source()).isEqualTo("RFC 1939 §5 (DELE)");
        assertThat(p25.section()).contains("TRANSACTION");
        assertThat(catalog.entry("I47").orElseThrow().level()).contains("cond IDLE");
        assertThat(catalog.entry("D01").orElseThrow().level()).isEmpty();
        assertThat(catalog.entries()).extracting(CatalogEntry::family).contains('P', 'I', 'S', 'D', 'L');
        assertThat(catalog.contains("X99")).isFalse();
        assertThat(catalog.entry("L3").orElseThrow().notCovered()).hasValueSatisfying(why -> assertThat(why).contains("Pop3DrainBench"));
        assertThat(p25.notCovered()).isEmpty();
    }
}
