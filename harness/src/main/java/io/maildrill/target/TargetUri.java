package io.maildrill.target;

import io.maildrill.net.Endpoint;
import io.maildrill.net.Endpoint.TlsMode;
import io.maildrill.net.TlsSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses target URIs. One target is one or more comma-separated endpoint URIs of the same
 * server, optionally prefixed by a name:
 *
 * <pre>
 *   imap://127.0.0.1:10143                 plain IMAP
 *   imap://127.0.0.1:10143?starttls        IMAP upgraded with STARTTLS
 *   imaps://127.0.0.1:10993                IMAP over implicit TLS
 *   pop3://127.0.0.1:10110[?stls]          POP3, optionally upgraded with STLS
 *   pop3s://127.0.0.1:10995                POP3 over implicit TLS
 *   lmtp://127.0.0.1:10024, smtp://...     delivery endpoint for provisioning
 *   dovecot=imap://127.0.0.1:10143,pop3://127.0.0.1:10110
 * </pre>
 *
 * The name (before {@code =}) selects the expectations file; without one, the host and port of
 * the first endpoint are used.
 */
public final class TargetUri {

    private TargetUri() {
    }

    /** Parses {@code text} into a target without accounts; the caller adds credentials. */
    public static Target parse(String text, TlsSettings tls) {
        String spec = text.trim();
        String name = null;
        int eq = spec.indexOf('=');
        int scheme = spec.indexOf("://");
        if (eq > 0 && (scheme < 0 || eq < scheme)) {
            name = spec.substring(0, eq).trim();
            spec = spec.substring(eq + 1);
        }
        Optional<Endpoint> imap = Optional.empty();
        Optional<Endpoint> pop3 = Optional.empty();
        Optional<Target.Delivery> delivery = Optional.empty();
        for (String part : spec.split(",")) {
            String uriText = part.trim();
            if (uriText.isEmpty()) {
                continue;
            }
            URI uri = toUri(uriText);
            String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean again = switch (s) {
                case "imap", "imaps" -> imap.isPresent();
                case "pop3", "pop3s", "pop" -> pop3.isPresent();
                case "lmtp", "smtp" -> delivery.isPresent();
                default -> false;
            };
            if (again) {
                throw new TargetException("target '" + text + "': a second " + s + ":// endpoint ('" + uriText
                        + "'); one target is one server with at most one IMAP, one POP3 and one delivery endpoint"
                        + " (repeat --target for several servers)");
            }
            switch (s) {
                case "imap", "imaps" -> imap = Optional.of(endpoint(uri, uriText, s, "starttls", 143, 993));
                case "pop3", "pop3s", "pop" -> pop3 = Optional.of(endpoint(uri, uriText, s, "stls", 110, 995));
                case "lmtp" -> delivery = Optional.of(new Target.Delivery(Target.Delivery.Protocol.LMTP,
                        endpoint(withoutQuery(uri), uriText, s, "-", 24, 24), domain(uri, uriText)));
                case "smtp" -> delivery = Optional.of(new Target.Delivery(Target.Delivery.Protocol.SMTP,
                        endpoint(withoutQuery(uri), uriText, s, "-", 25, 25), domain(uri, uriText)));
                default -> throw new TargetException("target URI '" + uriText + "': unknown scheme '" + s
                        + "' (expected: imap, imaps, pop3, pop3s, lmtp or smtp)");
            }
        }
        if (imap.isEmpty() && pop3.isEmpty()) {
            throw new TargetException("target '" + text + "' names no IMAP or POP3 endpoint"
                    + " (expected e.g. imap://127.0.0.1:10143,pop3://127.0.0.1:10110)");
        }
        if (name == null) {
            Endpoint first = imap.orElseGet(pop3::orElseThrow);
            name = first.host() + "_" + first.port();
        }
        return new Target(name, imap, pop3, delivery, tls, List.of());
    }

    /** {@code ?domain=example.org} on a delivery URI: the domain of the recipients' addresses. */
    private static String domain(URI uri, String text) {
        String query = uri.getQuery();
        if (query == null || query.isEmpty()) {
            return Target.Delivery.DEFAULT_DOMAIN;
        }
        if (!query.matches("domain=[A-Za-z0-9.-]+")) {
            throw new TargetException("target URI '" + text + "': unknown option '" + query
                    + "' (expected: domain=NAME, e.g. domain=example.org)");
        }
        return query.substring("domain=".length());
    }

    private static URI withoutQuery(URI uri) {
        try {
            return new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI toUri(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null) {
                // java.net.URI takes "host:abc" as a registry authority without a host
                String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
                int colon = authority.lastIndexOf(':');
                if (colon > 0 && !authority.endsWith("]") && !authority.substring(colon + 1).matches("[0-9]+")) {
                    throw new TargetException("target URI '" + text + "': port '" + authority.substring(colon + 1)
                            + "' is not a number (expected scheme://host:port)");
                }
                throw new TargetException("target URI '" + text + "': no host (expected scheme://host:port)");
            }
            if (uri.getPort() > 65_535) {
                throw new TargetException("target URI '" + text + "': port " + uri.getPort() + " is out of range (1..65535)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new TargetException("target URI '" + text + "' does not parse: " + e.getReason()
                    + " at index " + e.getIndex());
        }
    }

    private static Endpoint endpoint(URI uri, String text, String scheme, String upgradeWord,
                                     int defaultPort, int defaultTlsPort) {
        boolean implicit = scheme.equals("imaps") || scheme.equals("pop3s");
        String query = uri.getQuery() == null ? "" : uri.getQuery().toLowerCase(Locale.ROOT);
        boolean upgrade = !query.isEmpty() && List.of(query.split("&")).contains(upgradeWord);
        if (!query.isEmpty() && !upgrade) {
            throw new TargetException("target URI '" + text + "': unknown option '" + uri.getQuery()
                    + "' (expected: " + ("-".equals(upgradeWord) ? "none" : upgradeWord) + ")");
        }
        if (implicit && upgrade) {
            throw new TargetException("target URI '" + text + "': " + upgradeWord
                    + " makes no sense with implicit TLS (" + scheme + "://)");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : implicit ? defaultTlsPort : defaultPort;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        TlsMode mode = implicit ? TlsMode.IMPLICIT : upgrade ? TlsMode.STARTTLS : TlsMode.NONE;
        return new Endpoint(host, port, mode);
    }
}
