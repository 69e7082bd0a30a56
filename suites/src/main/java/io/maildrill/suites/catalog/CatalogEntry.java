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
 * @param notCovered  why no script covers it, from an indented {@code Not covered by a script:} line
 *                    under the entry (empty when scripts do)
 */
public record CatalogEntry(String id, String level, String requirement, String source, String section,
                           java.util.Optional<String> notCovered) {

    public CatalogEntry(String id, String level, String requirement, String source, String section) {
        this(id, level, requirement, source, section, java.util.Optional.empty());
    }

    public CatalogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(notCovered, "notCovered");
    }

    CatalogEntry withNotCovered(String reason) {
        return new CatalogEntry(id, level, requirement, source, section, java.util.Optional.of(reason));
    }

    /** P (POP3), I (IMAP), S (security), D (real-world defects), L (load scenarios). */
    public char family() {
        return id.charAt(0);
    }
}
