package io.maildrill.script.parse;

/** Identifiers used after {@code $} and for tags. */
final class Names {
    private Names() {
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]*}. */
    static String readIdentifier(LineCursor in, String what) {
        StringBuilder name = new StringBuilder();
        while (!in.atEnd() && (Character.isLetterOrDigit(in.peek()) && in.peek() < 128 || in.peek() == '_')) {
            if (name.isEmpty() && Character.isDigit(in.peek())) {
                break;
            }
            name.append(in.next());
        }
        if (name.isEmpty()) {
            throw in.error("expected " + what + " (a letter, then letters, digits or _), " + in.found());
        }
        return name.toString();
    }
}
