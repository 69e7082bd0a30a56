package io.maildrill.target;

/** A target that cannot be used as given: a bad URI, missing credentials, an unreadable file. */
public final class TargetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
