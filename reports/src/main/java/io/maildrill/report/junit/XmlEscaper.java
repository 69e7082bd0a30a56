package io.maildrill.report.junit;

import io.maildrill.report.escape.VisibleText;

/** Escapes text for XML 1.0 element content and double-quoted attributes, after making controls visible. */
public final class XmlEscaper {

    private XmlEscaper() {
    }

    public static String text(String raw) {
        return escape(raw, false);
    }

    /** Attribute values also escape TAB/LF/CR, which XML parsers would otherwise normalise to spaces. */
    public static String attribute(String raw) {
        return escape(raw, true);
    }

    private static String escape(String raw, boolean attribute) {
        String visible = VisibleText.of(raw);
        StringBuilder out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                // A raw CR in content would be normalised to LF by parsers; keep it as a reference.
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
