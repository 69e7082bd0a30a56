package io.maildrill.provision;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import io.maildrill.target.Account;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/**
 * Fills a mailbox of the embedded GreenMail through its own store API: no protocol round trips,
 * so fixtures for the default target appear at once. The messages still pass through
 * GreenMail's MIME parser, exactly as an APPEND would.
 */
public final class EmbeddedProvisioner implements Provisioner {

    private static final Session MAIL_SESSION = Session.getInstance(new Properties());

    private final GreenMail greenMail;

    public EmbeddedProvisioner(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    @Override
    public String method() {
        return "GreenMail store API";
    }

    @Override
    public ProvisionResult fill(Account account, String mailbox, MessageSource messages, ProvisionProgress progress) {
        long started = System.nanoTime();
        MailFolder folder = folder(account, mailbox);
        long octets = 0;
        for (long i = 0; i < messages.count(); i++) {
            byte[] bytes = messages.message(i);
            try {
                folder.appendMessage(new MimeMessage(MAIL_SESSION, new ByteArrayInputStream(bytes)), new Flags(), new Date());
            } catch (MessagingException e) {
                throw new ProvisionException("GreenMail rejected fixture message " + i + ": " + e.getMessage(), e);
            }
            octets += bytes.length;
            progress.advanced(1);
        }
        return new ProvisionResult(messages.count(), octets, Duration.ofNanos(System.nanoTime() - started), method());
    }

    private MailFolder folder(Account account, String mailbox) {
        GreenMailUser user = greenMail.getUserManager().getUser(account.user());
        if (user == null) {
            throw new ProvisionException("the embedded GreenMail has no user " + account.user());
        }
        ImapHostManager host = greenMail.getManagers().getImapHostManager();
        try {
            MailFolder existing = host.getFolder(user, mailbox);
            return existing != null ? existing : host.createMailbox(user, mailbox);
        } catch (Exception e) {
            throw new ProvisionException("cannot open or create mailbox " + mailbox + " of " + account.user()
                    + " in the embedded GreenMail: " + e.getMessage(), e);
        }
    }
}
