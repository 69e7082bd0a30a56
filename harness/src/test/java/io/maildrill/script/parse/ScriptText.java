package io.maildrill.script.parse;

/** Builds test scripts: a valid header plus body lines, so line numbers stay easy to count. */
final class ScriptText {
    /** Number of header lines {@link #imap} and {@link #pop3} put before the body. */
    static final int HEADER_LINES = 7;

    private ScriptText() {
    }

    static String imap(String... body) {
        return header("imap") + String.join("\n", body) + "\n";
    }

    static String pop3(String... body) {
        return header("pop3") + String.join("\n", body) + "\n";
    }

    private static String header(String protocol) {
        return "@title test\n"
                + "@covers I01\n"
                + "@level MUST\n"
                + "@protocols " + protocol + "\n"
                + "@category errors\n"
                + "@requires imap IDLE STARTTLS\n"
                + "@fixture messages=5 shapes=plain profile=tiny seed=7\n";
    }
}
