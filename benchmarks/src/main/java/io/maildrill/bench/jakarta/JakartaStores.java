package io.maildrill.bench.jakarta;

import io.maildrill.bench.support.BenchServer;
import io.maildrill.net.Endpoint;
import io.maildrill.target.Account;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;

/**
 * Jakarta Mail (Angus) stores configured the way an application would for plain loopback servers.
 * Only plain endpoints are supported here (the benchmarks run against loopback test servers).
 */
final class JakartaStores {

    private JakartaStores() {
    }

    static Store imap(BenchServer server, Account account) throws MessagingException {
        return connect("imap", server.target().requireImap(), account);
    }

    static Store pop3(BenchServer server, Account account) throws MessagingException {
        return connect("pop3", server.target().requirePop3(), account);
    }

    private static Store connect(String protocol, Endpoint endpoint, Account account) throws MessagingException {
        if (endpoint.tls() != Endpoint.TlsMode.NONE) {
            throw new IllegalStateException("the Jakarta Mail baseline runs on plain loopback endpoints only: " + endpoint);
        }
        Properties props = new Properties();
        props.setProperty("mail." + protocol + ".host", endpoint.host());
        props.setProperty("mail." + protocol + ".port", Integer.toString(endpoint.port()));
        // the same bound as maildrill's own client: --timeout reaches both sides of a comparison,
        // and the sockets hold Jakarta Mail to it even against a server that drips
        String millis = Long.toString(BenchServer.TIMEOUT.toMillis());
        props.setProperty("mail." + protocol + ".connectiontimeout", millis);
        props.setProperty("mail." + protocol + ".timeout", millis);
        props.put("mail." + protocol + ".socketFactory", new LineDeadlineSocketFactory(BenchServer.TIMEOUT));
        props.setProperty("mail." + protocol + ".socketFactory.fallback", "false");
        Store store = Session.getInstance(props).getStore(protocol);
        return JakartaFailures.explained(() -> {
            store.connect(endpoint.host(), endpoint.port(), account.user(), account.password());
            return store;
        });
    }
}
