package io.maildrill.script.ast;

/**
 * {@code session A imap account=1 [login=auto|none] [select=auto|none|NAME] [examine=auto|NAME]}.
 *
 * <p>The runner connects lazily, at the session's first statement (or at an explicit
 * {@code A: connect}); then, if {@code autoLogin}, it logs in as account number {@code account}
 * (user1, user2, ... of the target) and applies {@code selection}.
 */
public record SessionDecl(int line, String name, Protocol protocol, int account, boolean autoLogin,
                          Selection selection) implements Located {
    public SessionDecl {
        Located.requireLine(line);
        if (!name.matches("[A-Z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("session name: " + name + " (expected: upper-case letter, then letters/digits)");
        }
        if (account < 1) {
            throw new IllegalArgumentException("account: " + account + " (expected: >= 1)");
        }
    }
}
