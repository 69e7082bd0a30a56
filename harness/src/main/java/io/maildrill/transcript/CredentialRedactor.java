package io.maildrill.transcript;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from client lines before they are recorded: the arguments of POP3
 * {@code PASS}, {@code APOP}, {@code AUTH}, IMAP {@code LOGIN} and {@code AUTHENTICATE}, and
 * any SASL continuation line sent while an authentication exchange is open. Secrets that the
 * caller registers (passwords from options, files or the environment) are also masked by value
 * ({@link SecretMask}: plain, quoted and base64 forms), which catches a password sent in an
 * unexpected place by a raw script line.
 */
public final class CredentialRedactor {

    public static final String MASK = "<redacted>";

    // POP3: "PASS secret", "APOP user digest", "AUTH PLAIN initial"; IMAP: "tag LOGIN user pass",
    // "tag AUTHENTICATE PLAIN initial". Keep the verb and (for LOGIN/APOP) the user name visible.
    private static final Pattern POP3_PASS = Pattern.compile("(?i)^(PASS)( .*)$");
    private static final Pattern POP3_APOP = Pattern.compile("(?i)^(APOP \\S+)( .*)$");
    private static final Pattern POP3_AUTH = Pattern.compile("(?i)^(AUTH \\S+)( .*)$");
    private static final Pattern IMAP_LOGIN = Pattern.compile("(?i)^(\\S+ LOGIN (?:\"(?:[^\"\\\\]|\\\\.)*\"|\\S+))( .*)$");
    private static final Pattern IMAP_AUTH = Pattern.compile("(?i)^(\\S+ AUTHENTICATE \\S+)( .*)$");
    private static final Pattern AUTH_START = Pattern.compile("(?i)^(?:\\S+ )?(AUTH|AUTHENTICATE) .*");

    private final SecretMask secrets = new SecretMask();
    private volatile boolean saslExchangeOpen;

    /** Registers a secret (a password) to be masked wherever it appears in client traffic. */
    public CredentialRedactor addSecret(String secret) {
        secrets.addSecret(secret);
        return this;
    }

    /** Registers an account's password together with its user (for the SASL PLAIN forms). */
    public CredentialRedactor addCredentials(String user, String password) {
        secrets.addCredentials(user, password);
        return this;
    }

    /**
     * Tells the redactor whether the server's last response was a SASL continuation, so that the
     * next client line (a base64 response) is masked entirely.
     */
    public void saslExchangeOpen(boolean open) {
        this.saslExchangeOpen = open;
    }

    public byte[] redactClientLine(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String redacted = redact(text);
        return redacted.equals(text) ? bytes : redacted.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Redacts one or more CRLF-separated client lines. */
    public String redact(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (start < text.length()) {
            int eol = text.indexOf('\n', start);
            int end = eol < 0 ? text.length() : eol + 1;
            String chunk = text.substring(start, end);
            String line = chunk.replaceAll("\r?\n$", "");
            out.append(redactLine(line)).append(chunk.substring(line.length()));
            start = end;
        }
        return secrets.apply(out.toString());
    }

    private String redactLine(String line) {
        if (saslExchangeOpen && !line.isEmpty() && !AUTH_START.matcher(line).matches()) {
            saslExchangeOpen = false;
            return "*".equals(line.trim()) ? line : MASK;
        }
        for (Pattern p : new Pattern[] {IMAP_LOGIN, IMAP_AUTH, POP3_PASS, POP3_APOP, POP3_AUTH}) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                return m.group(1) + " " + MASK;
            }
        }
        return line;
    }

    /** True when the line starts an authentication command (used by sessions to track SASL state). */
    public static boolean startsAuthentication(String line) {
        return AUTH_START.matcher(line.toUpperCase(Locale.ROOT)).matches();
    }
}
