package io.maildrill.load;

/** A profile that cannot be read or makes no sense; the message names the file and line. */
public final class LoadProfileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LoadProfileException(String message) {
        super(message);
    }
}
