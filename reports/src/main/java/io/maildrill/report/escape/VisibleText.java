package io.maildrill.report.escape;

/**
 * Makes server text safe to embed in XML 1.0 and HTML: characters those formats forbid (C0 controls other
 * than TAB, LF and CR; DEL and C1 controls; lone surrogates; U+FFFE/U+FFFF) are replaced by a visible
 * escape such as {@code \x1B} or {@code \uD800}, so a report never breaks and a conformance reader still
 * sees that the server sent an escape byte. Markup escaping is the caller's job after this step.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** Returns {@code text} with every forbidden character replaced by its visible escape. */
    public static String of(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = null;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (isForbidden(c)) {
                replacement = c <= 0xFF ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c);
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** XML 1.0 Char production, plus DEL and C1 controls, which are legal XML but invisible and unsafe in HTML. */
    private static boolean isForbidden(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF;
    }
}
