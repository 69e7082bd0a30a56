package io.maildrill.suites.catalog;

import java.util.Objects;

/**
 * One testable requirement of the conformance catalog.
 *
 * @param id          e.g. "P25"
 * @param level       the bracketed level ("MUST", "SHOULD, cond IDLE", ...), empty for defects and load scenarios
 * @param requirement the requirement text up to the source reference
 * @param source      the RFC sections or issue references after the final " — "
 * @param section     the catalog section heading it appears under
 */
public record CatalogEntry(String id, String level, String requirement, String source, String section) {

    public CatalogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(section, "section");
    }

    /** P (POP3), I (IMAP), S (security), D (real-world defects), L (load scenarios). */
    public char family() {
        return id.charAt(0);
    }
}
