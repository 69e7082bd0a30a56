/** Text escaping shared by the markup writers (JUnit XML and HTML). */
package io.maildrill.report.escape;
