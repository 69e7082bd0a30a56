package io.maildrill.transcript;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Masks every known secret by value, in each form it can take on the wire: the password as is,
 * inside an IMAP quoted string (backslash-escaped), base64 alone (SASL LOGIN), and the base64 of a
 * SASL PLAIN response for its user (RFC 4616: {@code [authzid] NUL authcid NUL passwd}, with the
 * authorization identity empty or the user). A literal carries the password as is.
 *
 * <p>A form is masked only where it stands as a token of its own (no letter or digit right before
 * or after it), so that a short password such as the test accounts' {@code pass} does not eat
 * words like "passed" and only its occurrences as a value disappear.
 */
public final class SecretMask implements UnaryOperator<String> {

    public static final String MASK = CredentialRedactor.MASK;

    /**
     * Longest first, so that a base64 form containing a shorter form is masked whole. Replaced
     * whole on every addition: the event loop masks while a session registers a secret.
     */
    private volatile List<String> forms = List.of();

    /** Registers a password (its plain, quoted and base64 forms). */
    public SecretMask addSecret(String password) {
        if (password != null && !password.isEmpty()) {
            Set<String> add = new LinkedHashSet<>();
            add.add(password);
            add.add(password.replace("\\", "\\\\").replace("\"", "\\\""));
            add.add(base64(password));
            add.add(base64Padded(password));
            addForms(add);
        }
        return this;
    }

    /** Registers a password with its user: also the SASL PLAIN responses that carry both. */
    public SecretMask addCredentials(String user, String password) {
        addSecret(password);
        if (password != null && !password.isEmpty() && user != null) {
            for (String response : List.of("\0" + user + "\0" + password, user + "\0" + user + "\0" + password)) {
                addForms(new LinkedHashSet<>(List.of(base64(response), base64Padded(response))));
            }
        }
        return this;
    }

    private synchronized void addForms(Set<String> add) {
        Set<String> all = new LinkedHashSet<>(forms);
        add.stream().filter(form -> !form.isEmpty()).forEach(all::add);
        forms = all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Base64 without its padding, as some clients send it; the padded form is registered too and masked first. */
    private static String base64(String text) {
        return Base64.getEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64Padded(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isEmpty() {
        return forms.isEmpty();
    }

    @Override
    public String apply(String text) {
        List<String> current = forms;
        if (text == null || text.isEmpty() || current.isEmpty()) {
            return text;
        }
        String result = text;
        for (String form : current) {
            result = maskStandalone(result, form);
        }
        return result;
    }


    private static String maskStandalone(String text, String form) {
        int at = text.indexOf(form);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            int end = at + form.length();
            if (standsAlone(text, at, end)) {
                out.append(text, from, at).append(MASK);
                from = end;
                at = text.indexOf(form, end);
            } else {
                at = text.indexOf(form, at + 1);
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    private static boolean standsAlone(String text, int start, int end) {
        return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }
}
