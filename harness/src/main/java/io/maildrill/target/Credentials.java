package io.maildrill.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where account passwords come from: an environment variable, a file of {@code user:password}
 * lines, or a file holding one password for several users. Passwords are never accepted as a
 * plain command-line value, because command lines show up in {@code ps} and shell history.
 */
public final class Credentials {

    private Credentials() {
    }

    /** The users share one password read from the environment variable {@code variable}. */
    public static List<Account> fromEnvironment(List<String> users, String variable, Map<String, String> env,
                                                boolean testAccounts) {
        String password = env.get(variable);
        if (password == null || password.isEmpty()) {
            throw new TargetException("environment variable " + variable + " is not set or empty"
                    + " (it must hold the password for " + String.join(", ", users) + ")");
        }
        return accounts(users, password, testAccounts);
    }

    /**
     * Reads a credentials file. Lines are {@code user:password} (one account each, password may
     * contain ':'), blank lines and lines starting with '#' are ignored. A file whose only
     * content line has no ':' is a bare password shared by {@code users}.
     */
    public static List<Account> fromFile(Path file, List<String> users, boolean testAccounts) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TargetException("cannot read credentials file " + file + ": " + e.getMessage(), e);
        }
        List<String> content = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        if (content.isEmpty()) {
            throw new TargetException("credentials file " + file + " holds no credentials");
        }
        if (content.size() == 1 && content.get(0).indexOf(':') < 0) {
            if (users.isEmpty()) {
                throw new TargetException("credentials file " + file + " holds a bare password; name the user(s) with --user");
            }
            return accounts(users, content.get(0), testAccounts);
        }
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                // Quote only the line number: the line may be a password.
                throw new TargetException("credentials file " + file + ", line " + (i + 1)
                        + ": expected user:password");
            }
            String user = line.substring(0, colon);
            if (users.isEmpty() || users.contains(user)) {
                accounts.add(new Account(user, line.substring(colon + 1), testAccounts));
            }
        }
        if (accounts.isEmpty()) {
            throw new TargetException("credentials file " + file + " has no line for " + String.join(", ", users));
        }
        return accounts;
    }

    private static List<Account> accounts(List<String> users, String password, boolean testAccounts) {
        if (users.isEmpty()) {
            throw new TargetException("no user given (use --user NAME, repeatable)");
        }
        return users.stream().map(u -> new Account(u, password, testAccounts)).toList();
    }
}
