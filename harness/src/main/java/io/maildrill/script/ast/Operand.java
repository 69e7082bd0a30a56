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

    /** The corpus properties a script can compare against. */
    enum FixtureProperty { HEADER, BODY, MESSAGE, SIZE, SHA256, TOP }
}
