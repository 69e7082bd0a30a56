package io.maildrill.bench.jakarta;

import jakarta.mail.MessagingException;

/**
 * Runs one Jakarta Mail baseline operation so that, if it fails, the failure says what the server
 * did. Jakarta Mail reports a connection it gave up on as a bare {@code FolderClosedException} or
 * {@code StoreClosedException}, without the timeout or the bytes behind it; the sockets it reads
 * from ({@link LineDeadlineSocket}) know them, and the failure is given that reason on one line,
 * the line {@code maildrill bench} reports.
 */
final class JakartaFailures {

    interface Operation<T> {
        T run() throws MessagingException;
    }

    /** A failure already given its reason (operations nest: a POP3 listing connects first). */
    private static final class Explained extends MessagingException {
        private static final long serialVersionUID = 1L;

        Explained(String message, Exception cause) {
            super(message, cause);
        }
    }

    private JakartaFailures() {
    }

    static <T> T explained(Operation<T> operation) throws MessagingException {
        LineDeadlineSocket.forgetFailures();
        try {
            return operation.run();
        } catch (MessagingException | RuntimeException e) {
            String reason = LineDeadlineSocket.lastFailure().orElse(null);
            if (reason == null || e instanceof Explained) {
                throw e;
            }
            throw new Explained(firstLine(e) + ", after this at the socket: " + reason, e);
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage();
        String name = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message.lines().findFirst().orElse("").strip();
    }
}
