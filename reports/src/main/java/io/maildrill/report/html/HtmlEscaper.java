package io.maildrill.report.html;

import io.maildrill.report.escape.VisibleText;

/**
 * Escapes text for HTML element content and double-quoted attribute values (the same rules serve both), after
 * replacing control characters by visible escapes. Also used for SVG text, which the HTML parser reads the same way.
 */
public final class HtmlEscaper {

    private HtmlEscaper() {
    }

    public static String escape(String raw) {
        String visible = VisibleText.of(raw);
        StringBuilder out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
