/** Markdown summary of a run for pull-request comments (GitHub-flavoured Markdown). */
package io.maildrill.report.markdown;
