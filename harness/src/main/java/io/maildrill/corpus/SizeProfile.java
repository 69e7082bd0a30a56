package io.maildrill.corpus;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How big the messages of a corpus are: a weighted mixture of log-normal bands, clamped to
 * {@code [minBytes, maxBytes]}. The sampled value is the size the generator aims for; a shape
 * with a fixed minimum (headers, MIME structure) or none at all ({@link MessageShape#EMPTY_BODY})
 * can come out larger or smaller.
 *
 * <p>Named profiles: {@code tiny} (all about 1 KB, for fast load tests), {@code realistic}
 * (most 2–20 KB, some 100 KB–1 MB attachments, rare ~5 MB) and {@code large} (more big ones).
 * {@link #between(long, long)} gives a log-uniform spread over an explicit range.
 *
 * @param name     profile name, as accepted by {@link #named(String)} or {@code "min..max"}
 * @param minBytes smallest target size, at least 1
 * @param maxBytes largest target size, at least {@code minBytes}
 * @param bands    the mixture (weights need not sum to 1); empty means log-uniform over the range
 */
public record SizeProfile(String name, long minBytes, long maxBytes, List<Band> bands) {

    /**
     * One log-normal component: with relative {@code weight}, sizes around {@code medianBytes},
     * spread {@code sigma} (standard deviation of the natural log).
     */
    public record Band(double weight, double medianBytes, double sigma) {
        public Band {
            if (!(weight > 0) || !(medianBytes >= 1) || !(sigma >= 0)) {
                throw new IllegalArgumentException("band: weight " + weight + ", median " + medianBytes
                        + ", sigma " + sigma + " (expected: weight > 0, median >= 1, sigma >= 0)");
            }
        }
    }

    public SizeProfile {
        if (minBytes < 1 || maxBytes < minBytes) {
            throw new IllegalArgumentException("size range: " + minBytes + ".." + maxBytes
                    + " (expected: 1 <= min <= max)");
        }
        bands = List.copyOf(bands);
    }

    /** All messages about 1 KB. */
    public static SizeProfile tiny() {
        return new SizeProfile("tiny", 900, 1_200, List.of(new Band(1, 1_024, 0.05)));
    }

    /** Mostly 2–20 KB, about 8 % in 100 KB–1 MB, about 0.5 % near 5 MB. The default. */
    public static SizeProfile realistic() {
        return new SizeProfile("realistic", 1_024, 8 * MB, List.of(
                new Band(0.915, 6_500, 0.6),
                new Band(0.08, 320 * KB, 0.6),
                new Band(0.005, 5 * MB, 0.15)));
    }

    /** Like realistic but with far more big messages: a third attachments, one in ten near 5 MB. */
    public static SizeProfile large() {
        return new SizeProfile("large", 1_024, 12 * MB, List.of(
                new Band(0.55, 12_000, 0.8),
                new Band(0.35, 400 * KB, 0.7),
                new Band(0.10, 5 * MB, 0.25)));
    }

    /** Sizes spread log-uniformly over {@code [minBytes, maxBytes]}. */
    public static SizeProfile between(long minBytes, long maxBytes) {
        if (minBytes < 1 || maxBytes < minBytes) {
            throw new IllegalArgumentException("size range: " + minBytes + ".." + maxBytes
                    + " (expected: 1 <= min <= max)");
        }
        return new SizeProfile(minBytes + ".." + maxBytes, minBytes, maxBytes, List.of());
    }

    /**
     * {@code tiny}, {@code realistic}, {@code large}, or an explicit range {@code min..max} where
     * each bound is a number of bytes with an optional {@code k}/{@code m} suffix (1024-based).
     *
     * @throws IllegalArgumentException naming the text and what is accepted
     */
    public static SizeProfile named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "tiny": return tiny();
            case "realistic": return realistic();
            case "large": return large();
            default: break;
        }
        int dots = n.indexOf("..");
        if (dots > 0) {
            return between(parseBytes(n.substring(0, dots), name), parseBytes(n.substring(dots + 2), name));
        }
        throw new IllegalArgumentException("unknown size profile '" + name
                + "' (expected: tiny, realistic, large, or min..max such as 2k..64k)");
    }

    /** The target size of one message, drawn from {@code random}. */
    long sample(SplittableRandom random) {
        if (bands.isEmpty()) {
            double lo = Math.log(minBytes);
            double size = Math.exp(lo + random.nextDouble() * (Math.log(maxBytes) - lo));
            return Math.max(minBytes, Math.min(maxBytes, Math.round(size)));
        }
        double total = 0;
        for (Band band : bands) {
            total += band.weight();
        }
        double pick = random.nextDouble() * total;
        Band chosen = bands.get(bands.size() - 1);
        for (Band band : bands) {
            pick -= band.weight();
            if (pick < 0) {
                chosen = band;
                break;
            }
        }
        double size = chosen.medianBytes() * Math.exp(chosen.sigma() * gaussian(random));
        return Math.max(minBytes, Math.min(maxBytes, Math.round(size)));
    }

    // SplittableRandom.nextGaussian is not there on every Java 17 build path we care about
    // (it arrived via RandomGenerator), and Box–Muller is cheap and fully deterministic.
    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static long parseBytes(String text, String whole) {
        String t = text.trim();
        long unit = 1;
        if (t.endsWith("k") || t.endsWith("kb")) {
            unit = KB;
            t = t.substring(0, t.indexOf('k'));
        } else if (t.endsWith("m") || t.endsWith("mb")) {
            unit = MB;
            t = t.substring(0, t.indexOf('m'));
        } else if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            long value = Long.parseLong(t);
            if (value < 1) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(value, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("size '" + text + "' in '" + whole
                    + "' (expected: a positive number of bytes, optionally with k or m, e.g. 64k)");
        }
    }

    private static final long KB = 1024;
    private static final long MB = 1024 * 1024;
}
