package io.maildrill.script.parse;

import io.maildrill.script.ast.CapabilityRequirement;
import io.maildrill.corpus.CorpusFixture;
import io.maildrill.corpus.FixtureSyntaxException;
import io.maildrill.script.ast.Fixture;
import io.maildrill.script.ast.Level;
import io.maildrill.script.ast.Metadata;
import io.maildrill.script.ast.Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Accumulates the {@code @key value} header lines and builds {@link Metadata}, reporting what is missing. */
final class HeaderReader {
    private static final java.util.regex.Pattern CATALOG_ID = java.util.regex.Pattern.compile("[PISDL]\\d{1,3}");
    private static final java.util.regex.Pattern CATEGORY = java.util.regex.Pattern.compile("[a-z][a-z0-9-]*");
    private static final java.util.regex.Pattern CAPABILITY = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+=_/-]*");

    private final Problems problems;
    private int firstLine;
    private String title;
    private final List<String> covers = new ArrayList<>();
    private Level level;
    private final Set<Protocol> protocols = EnumSet.noneOf(Protocol.class);
    private final List<String> categories = new ArrayList<>();
    private final List<CapabilityRequirement> requires = new ArrayList<>();
    private Fixture fixture;
    /** The longest a long check may wait in all (IMAP's 30-minute autologout with margin). */
    static final Duration MAX_LONG_RUN = Duration.ofMinutes(45);

    private boolean destructive;
    private Duration timeout;
    private Duration longRun;
    private final Set<String> seen = new java.util.HashSet<>();

    HeaderReader(Problems problems) {
        this.problems = problems;
    }

    /** Reads one header line; {@code text} starts at the {@code @}. */
    void read(int line, String text) {
        if (firstLine == 0) {
            firstLine = line;
        }
        LineCursor in = new LineCursor(text, 0);
        in.next();
        String key = in.word();
        in.skipSpaces();
        int valueColumn = in.column();
        String value = in.rest().strip();
        if (!key.equals("requires") && !seen.add(key) && !key.isEmpty()) {
            problems.add(line, 1, "duplicate @" + key + " (expected once per script)");
            return;
        }
        try {
            switch (key) {
                case "title" -> title = requireValue(value, in, "a one-line title");
                case "covers" -> words(value, in, "catalog IDs like P25 I43").forEach(id -> {
                    if (!CATALOG_ID.matcher(id).matches()) {
                        throw new SyntaxError(valueColumn + value.indexOf(id), "expected a catalog ID like P25, I43, S01, D05, L2, found '" + id + "'");
                    }
                    covers.add(id);
                });
                case "level" -> level = Level.fromWord(requireValue(value, in, "a level"))
                        .orElseThrow(() -> new SyntaxError(valueColumn, "expected a level (MUST, SHOULD, MAY, robust, interop), found '" + value + "'"));
                case "protocols" -> words(value, in, "imap and/or pop3").forEach(w -> protocols.add(protocol(w, valueColumn + value.indexOf(w))));
                case "category" -> words(value, in, "category words like deletion, synchronisation, headers-only-fetch").forEach(w -> {
                    if (!CATEGORY.matcher(w).matches()) {
                        throw new SyntaxError(valueColumn + value.indexOf(w), "expected a lower-case category word (letters, digits, '-'), found '" + w + "'");
                    }
                    categories.add(w);
                });
                case "requires" -> requires.add(requirement(line, value, in, valueColumn));
                case "fixture" -> fixture = fixture(line, value, valueColumn);
                case "destructive" -> {
                    if (!value.isEmpty()) {
                        throw new SyntaxError(valueColumn, "@destructive takes no value, found '" + value + "'");
                    }
                    destructive = true;
                }
                case "timeout" -> timeout = Durations.parse(requireValue(value, in, "a duration"), Duration.ofMinutes(10), in);
                case "long" -> longRun = Durations.parse(requireValue(value, in, "the duration the check takes, e.g. 11m"),
                        MAX_LONG_RUN, in);
                default -> problems.add(line, 2, "unknown header '@" + key
                        + "' (expected: @title @covers @level @protocols @category @requires @fixture @destructive @timeout @long)");
            }
        } catch (SyntaxError e) {
            problems.add(line, e.column(), e.getMessage());
        }
    }

    /** The fixture read so far, for validating {@code #n} references. */
    Optional<Fixture> fixture() {
        return Optional.ofNullable(fixture);
    }

    /** Capability requirements read so far, for checking statements that need one. */
    List<CapabilityRequirement> requiredCapabilities() {
        return List.copyOf(requires);
    }

    Metadata build() {
        int at = firstLine == 0 ? 1 : firstLine;
        if (title == null && !seen.contains("title")) {
            problems.add(at, 0, "missing @title (expected: @title <one line>)");
        }
        if (covers.isEmpty() && !seen.contains("covers")) {
            problems.add(at, 0, "missing @covers (expected: @covers <catalog IDs, e.g. P25 P26>)");
        }
        if (level == null && !seen.contains("level")) {
            problems.add(at, 0, "missing @level (expected: MUST, SHOULD, MAY, robust or interop)");
        }
        if (protocols.isEmpty() && !seen.contains("protocols")) {
            problems.add(at, 0, "missing @protocols (expected: imap, pop3 or both)");
        }
        if (categories.isEmpty() && !seen.contains("category")) {
            problems.add(at, 0, "missing @category (expected: e.g. deletion, synchronisation, headers-only-fetch)");
        }
        return new Metadata(at, title == null ? "" : title, covers, level == null ? Level.MUST : level, protocols,
                categories, requires, Optional.ofNullable(fixture), destructive, Optional.ofNullable(timeout),
                Optional.ofNullable(longRun));
    }

    private static String requireValue(String value, LineCursor in, String what) {
        if (value.isEmpty()) {
            throw in.error("expected " + what + ", found end of line");
        }
        return value;
    }

    private static List<String> words(String value, LineCursor in, String what) {
        return List.of(requireValue(value, in, what).split("[ \t]+"));
    }

    private static Protocol protocol(String word, int column) {
        return Protocol.fromWord(word)
                .orElseThrow(() -> new SyntaxError(column, "expected a protocol (imap or pop3), found '" + word + "'"));
    }

    private CapabilityRequirement requirement(int line, String value, LineCursor in, int column) {
        List<String> words = words(value, in, "a protocol and capabilities, e.g. imap IDLE UIDPLUS");
        Protocol p = protocol(words.get(0), column);
        if (words.size() < 2) {
            throw new SyntaxError(column, "expected at least one capability after '" + words.get(0) + "'");
        }
        for (String cap : words.subList(1, words.size())) {
            if (!CAPABILITY.matcher(cap).matches()) {
                throw new SyntaxError(column + value.indexOf(cap), "expected a capability name, found '" + cap + "'");
            }
        }
        return new CapabilityRequirement(line, p, words.subList(1, words.size()));
    }

    private static Fixture fixture(int line, String value, int column) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (value.isEmpty()) {
            throw new SyntaxError(column, "expected key=value pairs, e.g. messages=20 shapes=plain profile=tiny seed=7");
        }
        for (String pair : value.split("[ \t]+")) {
            int eq = pair.indexOf('=');
            int at = column + value.indexOf(pair);
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new SyntaxError(at, "expected key=value, found '" + pair + "'");
            }
            String key = pair.substring(0, eq);
            if (parameters.put(key, pair.substring(eq + 1)) != null) {
                throw new SyntaxError(at, "duplicate fixture key '" + key + "'");
            }
        }
        String messages = parameters.getOrDefault("messages", "0");
        if (!messages.matches("\\d{1,7}")) {
            throw new SyntaxError(column + value.indexOf("messages="), "messages: expected a number, found '" + messages + "'");
        }
        Fixture fixture = new Fixture(line, value, parameters);
        try {
            // Check the corpus keys now, so a bad shape or profile stops the run before anything connects.
            CorpusFixture.parse(fixture.corpusText());
        } catch (FixtureSyntaxException e) {
            int at = value.indexOf(e.token());
            throw new SyntaxError(at < 0 ? column : column + at, e.getMessage().replaceFirst("^column \\d+: ", ""));
        }
        return fixture;
    }
}
