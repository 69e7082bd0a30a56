package io.maildrill.net;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The SASL PLAIN message (RFC 4616) with an empty authorization identity, base64-encoded as
 * IMAP AUTHENTICATE and POP3 AUTH carry it: {@code base64(NUL user NUL password)}. One place for
 * both protocols' clients and the scripts' {@code $sasl_plain}.
 */
public final class SaslPlain {

    private SaslPlain() {
    }

    public static String response(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }
}
