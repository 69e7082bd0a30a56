package io.maildrill.target;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.maildrill.net.Endpoint;
import io.maildrill.net.TlsSettings;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The default server when no target is given: GreenMail started in-process on free loopback
 * ports (IMAP, POP3, SMTP), with test accounts user1..userN sharing a password generated for
 * this run, so there is no fixed secret to leak. Closing it stops the server.
 */
public final class EmbeddedGreenMail implements AutoCloseable {

    public static final String NAME = "greenmail";
    public static final String VERSION = "2.1.13";
    private static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;
    private final Target target;

    private EmbeddedGreenMail(GreenMail greenMail, Target target) {
        this.greenMail = greenMail;
        this.target = target;
    }

    /** Starts GreenMail with {@code userCount} test accounts and returns once every port listens. */
    public static EmbeddedGreenMail start(int userCount) {
        ServerSetup[] setups = {
            new ServerSetup(0, HOST, ServerSetup.PROTOCOL_IMAP).dynamicPort(),
            new ServerSetup(0, HOST, ServerSetup.PROTOCOL_POP3).dynamicPort(),
            new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort(),
        };
        for (ServerSetup setup : setups) {
            // GreenMail's default startup wait is short for a loaded 2-core CI machine.
            setup.setServerStartupTimeout(30_000);
        }
        GreenMail greenMail = new GreenMail(setups);
        greenMail.start();
        String password = randomPassword();
        List<Account> accounts = new ArrayList<>();
        for (int i = 1; i <= userCount; i++) {
            String user = "user" + i;
            greenMail.setUser(user + "@localhost", user, password);
            accounts.add(new Account(user, password, true));
        }
        Target target = new Target(NAME,
                Optional.of(Endpoint.plain(HOST, greenMail.getImap().getPort())),
                Optional.of(Endpoint.plain(HOST, greenMail.getPop3().getPort())),
                Optional.of(new Target.Delivery(Target.Delivery.Protocol.SMTP,
                        Endpoint.plain(HOST, greenMail.getSmtp().getPort()))),
                TlsSettings.VERIFY_DEFAULT, accounts);
        return new EmbeddedGreenMail(greenMail, target);
    }

    public Target target() {
        return target;
    }

    /** GreenMail's own API, for the embedded provisioner (much faster than any protocol). */
    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "md-" + HexFormat.of().formatHex(bytes);
    }
}
