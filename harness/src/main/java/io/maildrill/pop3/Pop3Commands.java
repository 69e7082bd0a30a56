package io.maildrill.pop3;

import java.util.Objects;

/** Factory for the standard POP3 commands with their arguments (RFC 1939, 2449, 2595, 5034). */
public final class Pop3Commands {

    private Pop3Commands() {
    }

    public static Pop3Command user(String name) {
        return Pop3Command.USER.withArgs(name);
    }

    /** {@code PASS}: RFC 1939 allows spaces in the password, so it is sent as one argument. */
    public static Pop3Command pass(String password) {
        return Pop3Command.PASS.withArgs(Objects.requireNonNull(password, "password"));
    }

    public static Pop3Command apop(String name, String md5Hex) {
        return Pop3Command.APOP.withArgs(name, md5Hex);
    }

    /** {@code AUTH} without argument: the mechanism list some servers return (multi-line). */
    public static Pop3Command authList() {
        return Pop3Command.AUTH;
    }

    /** {@code AUTH mechanism}, expecting a {@code +} challenge or a final status. */
    public static Pop3Command auth(String mechanism) {
        return Pop3Command.AUTH.withArgs(mechanism);
    }

    /** {@code AUTH mechanism initial-response} (RFC 5034 section 4). */
    public static Pop3Command auth(String mechanism, String initialResponse) {
        return Pop3Command.AUTH.withArgs(mechanism, initialResponse);
    }

    /** A client line answering a SASL challenge: sent as given plus CRLF, single-line reply. */
    public static Pop3Command saslResponse(String base64) {
        return Pop3Command.rawLine(base64, Pop3ResponseExpectation.SINGLE_LINE);
    }

    public static Pop3Command stls() {
        return Pop3Command.STLS;
    }

    public static Pop3Command capa() {
        return Pop3Command.CAPA;
    }

    public static Pop3Command stat() {
        return Pop3Command.STAT;
    }

    public static Pop3Command list() {
        return Pop3Command.LIST;
    }

    public static Pop3Command list(int message) {
        return Pop3Command.LIST.withArgs(Integer.toString(message));
    }

    public static Pop3Command retr(int message) {
        return Pop3Command.RETR.withArgs(Integer.toString(message));
    }

    public static Pop3Command top(int message, int lines) {
        return Pop3Command.TOP.withArgs(Integer.toString(message), Integer.toString(lines));
    }

    public static Pop3Command uidl() {
        return Pop3Command.UIDL;
    }

    public static Pop3Command uidl(int message) {
        return Pop3Command.UIDL.withArgs(Integer.toString(message));
    }

    public static Pop3Command dele(int message) {
        return Pop3Command.DELE.withArgs(Integer.toString(message));
    }

    public static Pop3Command rset() {
        return Pop3Command.RSET;
    }

    public static Pop3Command noop() {
        return Pop3Command.NOOP;
    }

    public static Pop3Command quit() {
        return Pop3Command.QUIT;
    }
}
