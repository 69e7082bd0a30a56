package io.maildrill.model;

/**
 * A server response that no correct server could send given what it told this session before,
 * e.g. an EXPUNGE of sequence number 9 in a mailbox of 5 messages, or EXISTS shrinking without
 * any EXPUNGE. The runner reports these as failures of the step that received them.
 */
public final class ModelViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelViolation(String message) {
        super(message);
    }
}
