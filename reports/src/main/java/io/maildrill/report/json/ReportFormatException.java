package io.maildrill.report.json;

/** A JSON report that does not follow the documented format; the message names the JSON path. */
public final class ReportFormatException extends RuntimeException {

    public ReportFormatException(String message) {
        super(message);
    }

    public ReportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
