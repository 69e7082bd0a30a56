package io.maildrill.run.session;

/**
 * How a sent command appears in failures and reports: whole, unless a generated value (a
 * {@code repeat(...)} of megabytes) made it too long to read; then its start and its length.
 */
final class Shown {

    static final int MAX_SHOWN = 1000;

    private Shown() {
    }

    static String line(String sent) {
        if (sent.length() <= MAX_SHOWN) {
            return sent;
        }
        return sent.substring(0, 200) + "... (" + sent.length() + " characters in all)";
    }
}
