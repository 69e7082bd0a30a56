package io.maildrill.script.ast;

/** How an expected response line relates to what arrives. */
public enum Presence {
    /** Must arrive (written without a prefix). */
    MUST,
    /** May arrive; matters for captures and for {@code strict} groups ({@code may} prefix). */
    MAY,
    /** Must not arrive ({@code not} prefix). */
    MUST_NOT
}
