package io.maildrill.target;

import java.util.Objects;

/**
 * A login on the server under test. The password never appears in {@link #toString()}, so an
 * account can be logged, put in an exception message or a report without leaking it.
 *
 * @param user        login name
 * @param password    the secret; read it only to authenticate
 * @param testAccount true when the user declared this account disposable: destructive scripts
 *                    (DELE + QUIT, EXPUNGE, seed --clear) run only on such accounts
 */
public record Account(String user, String password, boolean testAccount) {

    public Account {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isBlank()) {
            throw new IllegalArgumentException("user name is empty");
        }
    }

    @Override
    public String toString() {
        return "Account[" + user + (testAccount ? ", test account" : "") + "]";
    }
}
