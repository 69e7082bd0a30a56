package io.maildrill.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a script describes the mailbox content it needs, in a short text form that follows
 * {@code @fixture}:
 *
 * <pre>
 * fixture = item *( 1*WSP item )
 * item    = "messages=" count          ; required, count &gt;= 0
 *         / "shapes=" ( "mixed" / shape *( "," shape ) )   ; default mixed
 *         / "profile=" ( "tiny" / "realistic" / "large" / size ".." size )  ; default realistic
 *         / "seed=" [ "-" ] 1*DIGIT    ; default 0
 * shape   = a {@link MessageShape#token()}, e.g. plain, dot-lines
 * size    = 1*DIGIT [ "k" / "m" ]      ; bytes, 1024-based suffixes
 * </pre>
 *
 * Example: {@code messages=20 shapes=plain,dot-lines profile=tiny seed=7}. Listed shapes are
 * assigned round-robin ({@link ShapeMix#cycle(List)}), so message 1 of that example is dot-lines.
 *
 * @param count   number of messages
 * @param shapes  shape assignment
 * @param profile size profile
 * @param seed    corpus seed
 */
public record CorpusFixture(int count, ShapeMix shapes, SizeProfile profile, long seed) {

    private static final String KEYS = "messages=, shapes=, profile=, seed=";

    public CorpusFixture {
        if (count < 0 || shapes == null || profile == null) {
            throw new IllegalArgumentException("fixture: count " + count + ", shapes " + shapes + ", profile " + profile
                    + " (expected: count >= 0, shapes and profile present)");
        }
    }

    /** The corpus spec this fixture stands for. */
    public CorpusSpec toSpec() {
        return new CorpusSpec(seed, count, profile, shapes);
    }

    /** The corpus this fixture stands for. */
    public Corpus corpus() {
        return Corpus.of(toSpec());
    }

    /** The text form; {@link #parse(String)} of it gives an equal fixture. */
    public String toText() {
        return "messages=" + count + " shapes=" + shapes.token() + " profile=" + profile.name() + " seed=" + seed;
    }

    /**
     * Reads the text form.
     *
     * @throws FixtureSyntaxException naming the wrong token, its column and what was expected
     */
    public static CorpusFixture parse(String text) {
        Integer count = null;
        ShapeMix shapes = ShapeMix.mixed();
        SizeProfile profile = SizeProfile.realistic();
        long seed = 0;
        Set<String> seen = new HashSet<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String token = text.substring(start, i);
            int column = start + 1;
            int eq = token.indexOf('=');
            if (eq <= 0 || eq == token.length() - 1) {
                throw new FixtureSyntaxException(token, column, "not a key=value item", KEYS);
            }
            String key = token.substring(0, eq);
            String value = token.substring(eq + 1);
            if (!seen.add(key)) {
                throw new FixtureSyntaxException(token, column, "'" + key + "' given twice", "each key at most once");
            }
            switch (key) {
                case "messages" -> count = parseCount(token, column, value);
                case "shapes" -> shapes = parseShapes(token, column, value);
                case "profile" -> {
                    try {
                        profile = SizeProfile.named(value);
                    } catch (IllegalArgumentException e) {
                        throw new FixtureSyntaxException(token, column, "unknown size profile '" + value + "'",
                                "tiny, realistic, large, or min..max such as 2k..64k");
                    }
                }
                case "seed" -> {
                    try {
                        seed = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new FixtureSyntaxException(token, column, "seed '" + value + "' is not a whole number",
                                "a 64-bit integer such as 7 or -3");
                    }
                }
                default -> throw new FixtureSyntaxException(token, column, "unknown key '" + key + "'", KEYS);
            }
        }
        if (count == null) {
            throw new FixtureSyntaxException("", n + 1, "no message count", "messages=<count>, e.g. messages=20");
        }
        return new CorpusFixture(count, shapes, profile, seed);
    }

    private static int parseCount(String token, int column, String value) {
        try {
            int c = Integer.parseInt(value);
            if (c >= 0) {
                return c;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FixtureSyntaxException(token, column, "message count '" + value + "' is not usable",
                "a whole number from 0 to " + Integer.MAX_VALUE);
    }

    private static ShapeMix parseShapes(String token, int column, String value) {
        if (value.equals("mixed")) {
            return ShapeMix.mixed();
        }
        List<MessageShape> list = new ArrayList<>();
        int from = 0;
        while (from <= value.length()) {
            int comma = value.indexOf(',', from);
            int to = comma < 0 ? value.length() : comma;
            String name = value.substring(from, to);
            if (name.isEmpty()) {
                throw new FixtureSyntaxException(token, column, "empty shape name in '" + value + "'",
                        "mixed, or a comma-separated list of: " + MessageShape.tokens());
            }
            try {
                list.add(MessageShape.fromToken(name));
            } catch (IllegalArgumentException e) {
                throw new FixtureSyntaxException(token, column, "unknown shape '" + name + "'",
                        "mixed, or a comma-separated list of: " + MessageShape.tokens());
            }
            from = to + 1;
        }
        return ShapeMix.cycle(list);
    }
}
