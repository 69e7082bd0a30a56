/**
 * Turns script text into the {@link io.maildrill.script.ast} tree. {@link ScriptParser} is the entry point;
 * everything else here is its line-level machinery. All problems of a file are collected and thrown together
 * as one {@link ScriptParseException}, before anything connects.
 */
package io.maildrill.script.parse;
