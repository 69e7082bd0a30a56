/**
 * The immutable syntax tree of a maildrill conformance script (see {@code docs/scripts.md}).
 *
 * <p>Every node carries the 1-based line of the script it came from, so a runner can report
 * {@code file:line} and an IDE can jump there. The tree is built only by
 * {@link io.maildrill.script.parse.ScriptParser}; all lists are unmodifiable copies.
 */
package io.maildrill.script.ast;
