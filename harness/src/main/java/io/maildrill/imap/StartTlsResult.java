package io.maildrill.imap;

import java.util.Optional;

/**
 * Outcome of STARTTLS: the server's answer, whether TLS is now on, and the injection finding if
 * the server (or a man in the middle) sent plaintext after its OK and before the handshake
 * (CVE-2011-0411 class): those octets are discarded, never read as protected data.
 */
public record StartTlsResult(ImapCompletion completion, boolean upgraded, long injectedOctets,
                             Optional<String> injectionFinding) {
}
