package io.maildrill.provision;

/** A mailbox could not be filled or cleared; the message says which message and what the server said. */
public final class ProvisionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProvisionException(String message) {
        super(message);
    }

    public ProvisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
