package io.maildrill.target;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Capabilities that an advertised IMAP capability implies, so that a script gated on the implied
 * one runs on a server that advertises only the implying one:
 * <ul>
 *   <li>QRESYNC implies CONDSTORE (RFC 7162 §3.2.3: "QRESYNC" capability implies support for the
 *       CONDSTORE IMAP extension);</li>
 *   <li>IMAP4rev2 folds in NAMESPACE, UNSELECT, UIDPLUS, ESEARCH, SEARCHRES, ENABLE, IDLE, SASL-IR,
 *       LIST-EXTENDED, LIST-STATUS, MOVE and LITERAL- (RFC 9051 Appendix E, item 2).</li>
 * </ul>
 */
public final class ImapCapabilityImplications {

    private static final Map<String, List<String>> IMPLIED_BY = Map.ofEntries(
            Map.entry("CONDSTORE", List.of("QRESYNC")),
            Map.entry("NAMESPACE", List.of("IMAP4REV2")),
            Map.entry("UNSELECT", List.of("IMAP4REV2")),
            Map.entry("UIDPLUS", List.of("IMAP4REV2")),
            Map.entry("ESEARCH", List.of("IMAP4REV2")),
            Map.entry("SEARCHRES", List.of("IMAP4REV2")),
            Map.entry("ENABLE", List.of("IMAP4REV2")),
            Map.entry("IDLE", List.of("IMAP4REV2")),
            Map.entry("SASL-IR", List.of("IMAP4REV2")),
            Map.entry("LIST-EXTENDED", List.of("IMAP4REV2")),
            Map.entry("LIST-STATUS", List.of("IMAP4REV2")),
            Map.entry("MOVE", List.of("IMAP4REV2")),
            Map.entry("LITERAL-", List.of("IMAP4REV2")));

    private ImapCapabilityImplications() {
    }

    /** Capabilities that, when advertised, imply {@code capability} (upper case; empty when none). */
    public static List<String> impliedBy(String capability) {
        String key = capability.toUpperCase(Locale.ROOT);
        return IMPLIED_BY.getOrDefault(key, List.of());
    }
}
