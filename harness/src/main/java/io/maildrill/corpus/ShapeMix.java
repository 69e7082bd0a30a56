package io.maildrill.corpus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which {@link MessageShape} each message of a corpus gets.
 *
 * <p>{@link #cycle(List)} assigns the listed shapes round-robin by index (message {@code i} has
 * shape {@code shapes[i % n]}), so a script knows the shape of every message without running
 * the generator. {@link #mixed()} draws shapes at random with weights that look like a real
 * mailbox (mostly plain and alternative mail), deterministic per seed and index.
 */
public sealed interface ShapeMix {

    /** The shape of message {@code index}; {@code random} is that message's own generator. */
    MessageShape shapeOf(int index, SplittableRandom random);

    /** Fixture text for this mix: {@code mixed} or a comma-separated token list. */
    String token();

    /** Round-robin over {@code shapes} in the given order (repeats allowed, at least one). */
    static ShapeMix cycle(List<MessageShape> shapes) {
        return new Cycle(shapes);
    }

    /** Round-robin over {@code shapes}. */
    static ShapeMix cycle(MessageShape... shapes) {
        return new Cycle(List.of(shapes));
    }

    /** Realistic weighted random mix of all shapes. */
    static ShapeMix mixed() {
        Map<MessageShape, Double> w = new EnumMap<>(MessageShape.class);
        w.put(MessageShape.PLAIN, 40.0);
        w.put(MessageShape.MULTIPART_ALTERNATIVE, 25.0);
        w.put(MessageShape.MULTIPART_MIXED_ATTACHMENT, 10.0);
        w.put(MessageShape.EIGHT_BIT, 8.0);
        w.put(MessageShape.ENCODED_HEADERS, 7.0);
        w.put(MessageShape.FOLDED_HEADERS, 5.0);
        w.put(MessageShape.LONG_LINES, 2.0);
        w.put(MessageShape.DOT_LINES, 2.0);
        w.put(MessageShape.EMPTY_BODY, 1.0);
        return new Weighted(w);
    }

    /** Fixed shapes assigned by index modulo the list size. */
    record Cycle(List<MessageShape> shapes) implements ShapeMix {
        public Cycle {
            shapes = List.copyOf(shapes);
            if (shapes.isEmpty()) {
                throw new IllegalArgumentException("shape list is empty (expected at least one of: "
                        + MessageShape.tokens() + ")");
            }
        }

        @Override
        public MessageShape shapeOf(int index, SplittableRandom random) {
            return shapes.get(index % shapes.size());
        }

        @Override
        public String token() {
            StringBuilder sb = new StringBuilder();
            for (MessageShape s : shapes) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(s.token());
            }
            return sb.toString();
        }
    }

    /** Random shapes with relative weights; weights must be positive. */
    record Weighted(Map<MessageShape, Double> weights) implements ShapeMix {
        public Weighted {
            weights = Map.copyOf(weights);
            if (weights.isEmpty() || weights.values().stream().anyMatch(v -> !(v > 0))) {
                throw new IllegalArgumentException("shape weights: " + weights + " (expected: at least one, all > 0)");
            }
        }

        @Override
        public MessageShape shapeOf(int index, SplittableRandom random) {
            double total = 0;
            for (MessageShape s : MessageShape.values()) {
                total += weights.getOrDefault(s, 0.0);
            }
            double pick = random.nextDouble() * total;
            MessageShape last = null;
            // Iterate in enum order, not map order: Map.copyOf has no stable iteration order.
            for (MessageShape s : MessageShape.values()) {
                Double w = weights.get(s);
                if (w == null) {
                    continue;
                }
                last = s;
                pick -= w;
                if (pick < 0) {
                    return s;
                }
            }
            return last;
        }

        @Override
        public String token() {
            return "mixed";
        }
    }
}
