package io.maildrill.script.parse;

import io.maildrill.script.ast.Protocol;
import io.maildrill.script.ast.Selection;
import io.maildrill.script.ast.SessionDecl;

/**
 * {@code session NAME (imap|pop3) account=N [login=auto|none] [select=auto|none|MAILBOX] [examine=auto|MAILBOX]};
 * MAILBOX may be quoted. Defaults: login=auto, IMAP select=auto, POP3 no selection.
 */
final class SessionDeclReader {
    private SessionDeclReader() {
    }

    /** {@code in} is positioned after the word {@code session}. */
    static SessionDecl read(int line, LineCursor in) {
        in.skipSpaces();
        int nameColumn = in.column();
        String name = in.word();
        if (!name.matches("[A-Z][A-Za-z0-9]*")) {
            throw new SyntaxError(nameColumn, "expected a session name (upper-case letter, then letters/digits, e.g. A), found '" + name + "'");
        }
        in.skipSpaces();
        int protocolColumn = in.column();
        String word = in.word();
        Protocol protocol = Protocol.fromWord(word).orElseThrow(() ->
                new SyntaxError(protocolColumn, "expected imap or pop3 after the session name, " + (word.isEmpty() ? "found end of line" : "found '" + word + "'")));
        Integer account = null;
        boolean autoLogin = true;
        Selection selection = protocol == Protocol.IMAP ? new Selection.FixtureMailbox() : new Selection.NoSelection();
        boolean selectionGiven = false;
        in.skipSpaces();
        while (!in.atEnd()) {
            int column = in.column();
            String key = readKey(in);
            String value = readValue(in, key);
            switch (key) {
                case "account" -> {
                    if (!value.matches("[1-9]\\d{0,3}")) {
                        throw new SyntaxError(column, "account: expected a number >= 1 (account=1 is user1), found '" + value + "'");
                    }
                    account = Integer.parseInt(value);
                }
                case "login" -> autoLogin = switch (value) {
                    case "auto" -> true;
                    case "none" -> false;
                    default -> throw new SyntaxError(column, "login: expected auto or none, found '" + value + "'");
                };
                case "select", "examine" -> {
                    if (protocol == Protocol.POP3) {
                        throw new SyntaxError(column, key + "= is IMAP only; a POP3 session has no mailbox to select");
                    }
                    if (selectionGiven) {
                        throw new SyntaxError(column, "select= and examine= given twice (expected at most one)");
                    }
                    selectionGiven = true;
                    selection = selection(key, value, column);
                }
                default -> throw new SyntaxError(column, "unknown session option '" + key + "' (expected: account=, login=, select=, examine=)");
            }
            in.skipSpaces();
        }
        if (account == null) {
            throw in.error("expected account=N (which test account the session uses), found end of line");
        }
        if (!autoLogin && selectionGiven && !(selection instanceof Selection.NoSelection)) {
            throw new SyntaxError(nameColumn, "login=none cannot select automatically (expected select=none, or log in with 'A: login' and 'A: select')");
        }
        return new SessionDecl(line, name, protocol, account, autoLogin, selection);
    }

    private static Selection selection(String key, String value, int column) {
        if (key.equals("select")) {
            return switch (value) {
                case "auto" -> new Selection.FixtureMailbox();
                case "none" -> new Selection.NoSelection();
                default -> new Selection.NamedMailbox(value);
            };
        }
        if (value.equals("none")) {
            throw new SyntaxError(column, "examine=none makes no sense (expected examine=auto or examine=MAILBOX; or select=none)");
        }
        return new Selection.Examine(value.equals("auto") ? "" : value);
    }

    private static String readKey(LineCursor in) {
        StringBuilder key = new StringBuilder();
        while (!in.atEnd() && in.peek() != '=' && in.peek() != ' ') {
            key.append(in.next());
        }
        if (!in.peekIs('=')) {
            throw in.error("expected key=value after '" + key + "', " + in.found());
        }
        in.next();
        return key.toString();
    }

    private static String readValue(LineCursor in, String key) {
        if (in.peekIs('"')) {
            return Escapes.readQuoted(in).latin1();
        }
        String value = in.word();
        if (value.isEmpty()) {
            throw in.error("expected a value after '" + key + "='");
        }
        return value;
    }
}
