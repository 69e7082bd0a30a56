package io.maildrill.script.ast;

/** {@code ==} and {@code !=} compare octets (numbers by value); the others compare numbers. */
public enum Comparison {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

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
