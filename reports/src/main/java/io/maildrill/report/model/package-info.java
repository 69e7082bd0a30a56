/**
 * The result model: immutable records describing one conformance run ({@link io.maildrill.report.model.RunResult}
 * and its scripts, steps and failures) and benchmark results. Every record validates at construction and never
 * holds {@code null}: absent values are {@link java.util.Optional}, empty strings or empty collections.
 * Report writers in the sibling packages only read this model.
 */
package io.maildrill.report.model;
