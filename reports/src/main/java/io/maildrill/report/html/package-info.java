/**
 * The self-contained HTML report: one file with inline CSS, JS and SVG, no external fetches, readable offline
 * and from {@code file://}. Everything that came from a server is escaped by {@link io.maildrill.report.html.HtmlEscaper}.
 */
package io.maildrill.report.html;
