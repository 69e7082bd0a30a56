package io.maildrill.script.ast;

/**
 * {@code ==} and {@code !=} compare octets (numbers by value); {@code < <= > >=} compare numbers;
 * {@code in} / {@code not in}: a number and an IMAP sequence set ({@code $uid not in $vanished}).
 */
public enum Comparison {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), NOT_IN("not in");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** One comparison of a {@code check}: {@code LEFT op RIGHT}. */
    public record Of(Operand left, Comparison comparison, Operand right) {
    }
}
