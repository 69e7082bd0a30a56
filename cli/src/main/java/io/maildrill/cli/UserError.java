package io.maildrill.cli;

/** Something the user asked for that cannot be done as asked; printed as one line, exit code 2. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }
}
