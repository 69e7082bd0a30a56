/**
 * JSON form of a {@link io.maildrill.report.model.RunResult}, versioned by {@code schemaVersion} and
 * documented by the JSON Schema resource {@code io/maildrill/report/json/run-result.schema.json}.
 * The mapping is written out field by field, not derived from the records, so renaming a record component
 * cannot silently change the published format.
 */
package io.maildrill.report.json;
