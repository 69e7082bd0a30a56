package io.maildrill.report.markdown;

import io.maildrill.report.escape.VisibleText;

/**
 * Escaping for GitHub-flavoured Markdown: server text must neither inject markup (HTML is partly rendered
 * in comments) nor break a table row. Everything is kept on one line.
 */
public final class MarkdownText {

    private MarkdownText() {
    }

    /** Plain text: Markdown punctuation backslash-escaped, {@code < > &} as entities, newlines as spaces. */
    public static String text(String raw) {
        String visible = oneLine(raw);
        StringBuilder out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A code span fenced with one more backtick than the longest run inside. Pipes are escaped because GFM
     * splits table cells before it parses code spans.
     */
    public static String code(String raw) {
        String visible = oneLine(raw).replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < visible.length(); i++) {
            run = visible.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = visible.startsWith("`") || visible.endsWith("`") || visible.isBlank() ? " " : "";
        return fence + pad + visible + pad + fence;
    }

    private static String oneLine(String raw) {
        return VisibleText.of(raw).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
