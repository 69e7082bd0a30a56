package io.maildrill.script.ast;

/** One side of a {@code check} comparison. */
public sealed interface Operand {
    /** {@code $name}: a captured or set value. */
    record Variable(String name) implements Operand {}

    /** {@code 42}. */
    record NumberValue(long value) implements Operand {}

    /** {@code "text"} with escapes. */
    record TextValue(ByteString value) implements Operand {}

    /** {@code size($x)}: octet length of a value. */
    record SizeOf(String variable) implements Operand {}

    /** {@code sha256($x)}: lower-case hex SHA-256 of a value's octets. */
    record Sha256Of(String variable) implements Operand {}

    /**
     * {@code fixture.header(2)}, {@code fixture.body(2)}, {@code fixture.message(2)}, {@code fixture.size(2)},
     * {@code fixture.sha256(2)}, {@code fixture.top(2, 5)}: a property of corpus message 2 as loaded
     * ({@code topLines} only for {@code TOP}).
     */
    record FixtureValue(FixtureProperty property, int fixtureIndex, int topLines) implements Operand {}

    /** {@code fixture.count}: number of corpus messages loaded. */
    record FixtureCount() implements Operand {}

    /** {@code A.count}: the message count session A currently believes (its model). */
    record SessionCount(String session) implements Operand {}

    /**
     * {@code repeat("ab", 3)}: the octets repeated, {@code ababab}. For over-long lines and
     * literals (command-line limits, parser robustness); the parser bounds the result's length.
     */
    record Repeat(ByteString unit, long times) implements Operand {}

    /**
     * {@code enumerate(5, 8)}: the numbers from first to last joined by commas, {@code 5,6,7,8} — an
     * enumerated sequence set, as clients that list every UID send them; bounded by the parser.
     */
    record Enumerate(long first, long last) implements Operand {}

    /** {@code longest-line($x)}: octets in the longest line of a value, its CRLF (or LF) counted. */
    record LongestLine(String variable) implements Operand {}

    /**
     * {@code A.longest-status-line}: octets, CRLF included, of the longest status line ({@code +OK}/
     * {@code -ERR}, greeting included) the server has sent POP3 session A since it connected.
     */
    record SessionLongestStatusLine(String session) implements Operand {}

    /** {@code set $x = "a" repeat("b", 9) "c"}: several operands' octets, one after the other. */
    record Concatenation(java.util.List<Operand> parts) implements Operand {
        public Concatenation {
            parts = java.util.List.copyOf(parts);
        }
    }

    /** {@code now}: milliseconds since the script started (for timings: {@code set $t = now}). */
    record Now() implements Operand {}

    /** {@code 250ms}, {@code 2s}, {@code 10m}: a duration, compared and computed as milliseconds. */
    record DurationValue(java.time.Duration duration) implements Operand {}

    /** {@code $a + $b}, {@code now - $t}: whole-number arithmetic (left to right). */
    record Arithmetic(Operand left, ArithmeticOp op, Operand right) implements Operand {}

    /** {@code A.closed}: 1 once the server has closed session A's connection (the session ended), else 0. */
    record SessionClosed(String session) implements Operand {}

    /** The operators of {@link Arithmetic}. */
    enum ArithmeticOp {
        PLUS("+"), MINUS("-");

        private final String symbol;

        ArithmeticOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** The corpus properties a script can compare against. */
    enum FixtureProperty { HEADER, BODY, MESSAGE, SIZE, SHA256, TOP }
}
