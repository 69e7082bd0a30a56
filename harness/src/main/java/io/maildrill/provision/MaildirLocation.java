package io.maildrill.provision;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where an account's mailboxes lie on disk, for a server that keeps them as Maildir++ (Dovecot's
 * default maildir layout): {@code template} is the account's INBOX maildir with {@code %u} for the
 * user name, as a start script exports it ({@code /tmp/maildrill-servers/dovecot/mail/%u/Maildir}),
 * and mailbox {@code a/b} is the folder {@code .a.b} inside it.
 *
 * <p>Only names whose on-disk form needs no encoding are mapped: ASCII letters, digits, space,
 * {@code _ + -} in segments separated by {@code /}. Anything else (a {@code .}, which Maildir++
 * uses as its own separator, non-ASCII names, which Dovecot stores in modified UTF-7) is refused
 * rather than guessed, because a wrong guess would write mail where the server never looks.
 */
public record MaildirLocation(String template) {

    /** Stands for the user name in {@link #template()}. */
    public static final String USER = "%u";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9 _+-]+");
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9_+@-][A-Za-z0-9._+@-]*");

    public MaildirLocation {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("maildir template is empty (expected e.g. /srv/mail/%u/Maildir)");
        }
    }

    /** The directory that holds {@code cur/}, {@code new/} and {@code tmp/} of {@code mailbox} of {@code user}. */
    public Path mailboxDirectory(String user, String mailbox) {
        if (!USER_NAME.matcher(user).matches()) {
            throw new ProvisionException("user name " + user + " cannot be part of a maildir path");
        }
        Path inbox = Path.of(template.replace(USER, user));
        if ("INBOX".equalsIgnoreCase(mailbox)) {
            return inbox;
        }
        String[] segments = mailbox.split("/", -1);
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new ProvisionException("mailbox " + mailbox + ": only names of letters, digits, space, _ + - and / "
                        + "are written as maildir folders (found segment '" + segment + "')");
            }
        }
        return inbox.resolve("." + String.join(".", segments));
    }

    /**
     * The part of the template before the first {@code %u} (the whole template when it has none):
     * the directory that must already exist for any account's maildir to be reachable.
     */
    public Path root() {
        int at = template.indexOf(USER);
        String fixed = at < 0 ? template : template.substring(0, at);
        Path path = Path.of(fixed.isEmpty() ? "." : fixed);
        return at < 0 || fixed.endsWith("/") ? path : path.getParent() == null ? Path.of(".") : path.getParent();
    }
}
