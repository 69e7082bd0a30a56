package io.maildrill.suites.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conformance catalog (conformance-catalog.md, bundled as a resource): every requirement a
 * script can cover, by ID. Scripts name IDs with {@code @covers}; {@code maildrill catalog}
 * and the reports use this to show what is covered and what is not.
 */
public final class Catalog {

    private static final String RESOURCE = "conformance-catalog.md";
    // "- P25 [MUST] DELE n only marks ... — RFC 1939 §5 (DELE)"; defects and load lines have no level.
    private static final Pattern ENTRY = Pattern.compile("^- ([PISDL]\\d+) (?:\\[([^\\]]+)\\] )?(.*)$");
    private static final String SOURCE_SEPARATOR = " — ";
    /** Under an entry: why no script covers it (load scenarios, needs nothing the test servers offer, ...). */
    private static final String NOT_COVERED = "  Not covered by a script: ";

    private final Map<String, CatalogEntry> entries;

    private Catalog(Map<String, CatalogEntry> entries) {
        this.entries = entries;
    }

    /** The catalog bundled with this version of maildrill. */
    public static Catalog bundled() {
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource " + RESOURCE + " missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Catalog parse(String markdown) {
        Map<String, CatalogEntry> entries = new LinkedHashMap<>();
        String section = "";
        String last = null;
        for (String line : markdown.split("\n")) {
            if (line.startsWith(NOT_COVERED) && last != null) {
                entries.put(last, entries.get(last).withNotCovered(line.substring(NOT_COVERED.length()).trim()));
                continue;
            }
            if (line.startsWith("#")) {
                section = line.replaceFirst("^#+\\s*", "").trim();
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                String rest = m.group(3);
                int sep = rest.lastIndexOf(SOURCE_SEPARATOR);
                String requirement = sep < 0 ? rest : rest.substring(0, sep);
                String source = sep < 0 ? "" : rest.substring(sep + SOURCE_SEPARATOR.length());
                entries.put(m.group(1), new CatalogEntry(m.group(1), m.group(2) == null ? "" : m.group(2),
                        requirement.trim(), source.trim(), section));
                last = m.group(1);
            }
        }
        return new Catalog(entries);
    }

    public Optional<CatalogEntry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    public boolean contains(String id) {
        return entries.containsKey(id);
    }

    public Collection<CatalogEntry> entries() {
        return entries.values();
    }

    /** ID → requirement text, for report writers. */
    public Map<String, String> requirementsById() {
        Map<String, String> map = new LinkedHashMap<>();
        entries.values().forEach(e -> map.put(e.id(), e.requirement()));
        return map;
    }
}
